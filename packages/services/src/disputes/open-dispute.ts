import {
  addDisputeParticipants, ensureDisputeReasons, findDisputeReason, findDisputeSlaDays, insertDispute, lockDebtorInvoices, withTenant,
} from "@relance/db";
import { addBusinessDays, DEFAULT_DISPUTE_REASONS, minorToDecimalText, type FieldIssue } from "@relance/domain";
import { calendarDate, emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { bringIntoCase, findAccessibleCaseTx } from "../cases/case-access.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { appendDisputeEvent, requireDisputeWriter, throwFieldIssues } from "./dispute-access.ts";
import { openDisputeInput } from "./dispute-inputs.ts";
import { checkDisputeMembers, salesRepsAmong } from "./dispute-members.ts";

/**
 * Opens a dispute on invoices of a case. From the commit on, the planner holds those invoices and the sender holds
 * the planned reminders that demand only them. The participants who are sales reps are brought into the case.
 */
export const openDispute = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ disputeId: string }> => {
  const v = parseInput(openDisputeInput, input);
  requireDisputeWriter(actor);
  const now = deps.clock.now();
  const today = calendarDate(now);
  const disputeId = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await findAccessibleCaseTx(tx, actor, v.caseId);
    await ensureDisputeReasons(tx, actor.orgId, DEFAULT_DISPUTE_REASONS);
    const issues: FieldIssue[] = [];
    const reason = await findDisputeReason(tx, v.reasonId);
    if (!reason || reason.retiredAt !== null) issues.push({ path: "reasonId", message: reason ? "This reason is retired" : "Unknown reason" });

    const invoiceIds = [...new Set(v.invoiceIds)];
    const invoices = await lockDebtorInvoices(tx, found.debtorId, invoiceIds);
    const byId = new Map(invoices.map((i) => [i.id, i]));
    v.invoiceIds.forEach((invoiceId, index) => {
      const invoice = byId.get(invoiceId);
      const path = `invoiceIds.${index}`;
      if (!invoice) issues.push({ path, message: "Not an invoice of this case" });
      else if (invoice.kind !== "invoice" || invoice.openMinor <= 0) issues.push({ path, message: `Invoice ${invoice.number} has nothing open` });
      else if (invoice.activeDisputeId !== null) issues.push({ path, message: `Invoice ${invoice.number} is already under dispute` });
    });
    const currencies = new Set(invoices.map((i) => i.currency));
    if (currencies.size > 1) issues.push({ path: "invoiceIds", message: "Choose invoices of one currency" });
    const openTotal = invoices.reduce((sum, i) => sum + Math.max(0, i.openMinor), 0);
    const currency = invoices[0]?.currency ?? "EUR";
    const disputedMinor = v.disputedMinor ?? openTotal;
    if (invoices.length > 0 && disputedMinor > openTotal) {
      issues.push({ path: "disputedMinor", message: `At most the open amount of the invoices (${minorToDecimalText(openTotal)} ${currency})` });
    }

    const ownerId = v.ownerId ?? actor.userId;
    const participantIds = [...new Set(v.participantIds)];
    const members = await checkDisputeMembers(tx, { ownerId, participantIds, ownerField: "ownerId", participantsField: "participantIds" });
    issues.push(...members.issues);
    const dueDate = v.dueDate ?? addBusinessDays(today, await findDisputeSlaDays(tx));
    if (dueDate < today) issues.push({ path: "dueDate", message: "Must be today or later" });
    throwFieldIssues(issues);

    const id = await insertDispute(tx, {
      orgId: actor.orgId, caseId: found.id, debtorId: found.debtorId, reasonId: reason!.id, currency, disputedMinor, ownerId, dueDate,
      openedBy: actor.userId, openedAt: now, invoices: invoices.map((i) => ({ invoiceId: i.id, openMinor: i.openMinor })),
    });
    await addDisputeParticipants(tx, { orgId: actor.orgId, disputeId: id, userIds: participantIds, by: actor.userId, at: now });
    const reps = salesRepsAmong(participantIds, members.roles);
    if (reps.length > 0) await bringIntoCase(tx, actor, { caseId: found.id, userIds: reps, reason: "dispute" });
    await appendDisputeEvent(tx, deps, {
      orgId: actor.orgId, actorId: actor.userId, dispute: { id, caseId: found.id, debtorId: found.debtorId }, event: "opened", note: v.note,
      details: { reasonCode: reason!.code, invoices: invoices.map((i) => i.number), disputedMinor, currency, dueDate, ownerId, participantIds },
    });
    return id;
  });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "dispute.changed", orgId: actor.orgId, caseId: v.caseId, disputeId });
  return { disputeId };
};
