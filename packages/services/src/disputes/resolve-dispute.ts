import { allocateCreditNote, insertCreditNote, listDisputeInvoices, markDisputeResolved, moveDisputeStatus, withTenant } from "@relance/db";
import { minorToDecimalText, resolutionCredits, spreadCredit, type FieldIssue } from "@relance/domain";
import { calendarDate, emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { appendDisputeEvent, findAccessibleDisputeTx, requireDisputeWriter, requireUnresolved, throwFieldIssues } from "./dispute-access.ts";
import { resolveDisputeInput } from "./dispute-inputs.ts";

/**
 * Resolves a dispute, in one transaction: rejected (the invoices go back to dunning as they are), or settled by a
 * credit note — the whole disputed amount (`credit_note`) or less (`partial`). A credit creates a credit-note row
 * allocated against the disputed invoices, oldest due first, so their open amounts and statuses follow; what is still
 * open afterwards goes back to dunning.
 */
export const resolveDispute = async (
  deps: ServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<{ eventId: string; creditNoteId: string | null; closedInvoiceIds: string[] }> => {
  const v = parseInput(resolveDisputeInput, input);
  requireDisputeWriter(actor);
  const now = deps.clock.now();
  const result = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const dispute = await findAccessibleDisputeTx(tx, actor, v.disputeId, { lock: true });
    requireUnresolved(dispute);
    const invoices = await listDisputeInvoices(tx, [dispute.id]);
    await tx`select 1 from invoices where id = any(${tx.array(invoices.map((i) => i.invoiceId))}::uuid[]) for update`;
    const openTotal = invoices.reduce((sum, i) => sum + Math.max(0, i.openMinor), 0);
    let creditedMinor: number | null = null;
    if (resolutionCredits(v.resolution)) {
      creditedMinor = v.creditedMinor ?? Math.min(dispute.disputedMinor, openTotal);
      const issues: FieldIssue[] = [];
      if (creditedMinor > openTotal) issues.push({ path: "creditedMinor", message: `At most the open amount of the invoices (${minorToDecimalText(openTotal)} ${dispute.currency})` });
      else if (creditedMinor <= 0) issues.push({ path: "creditedMinor", message: "Nothing is open on these invoices any more: reject or credit nothing" });
      if (v.resolution === "partial" && creditedMinor >= dispute.disputedMinor) {
        issues.push({ path: "creditedMinor", message: "A partial credit is less than the disputed amount (choose credit note for all of it)" });
      }
      throwFieldIssues(issues);
    }
    let creditNoteId: string | null = null;
    if (creditedMinor !== null) {
      const first = invoices[0]!;
      creditNoteId = await insertCreditNote(tx, {
        orgId: actor.orgId, debtorId: dispute.debtorId, number: `AV-${first.number}`.slice(0, 100), externalId: `relance:dispute:${dispute.id}`,
        currency: dispute.currency, amountMinor: creditedMinor, issueDate: calendarDate(now),
      });
      const parts = spreadCredit(invoices.map((i) => ({ id: i.invoiceId, dueDate: i.dueDate, openMinor: i.openMinor })), creditedMinor);
      await allocateCreditNote(tx, { orgId: actor.orgId, creditNoteId, disputeId: dispute.id, createdBy: actor.userId, parts });
    }
    // the resolution first: the row's check ties status 'resolved' to a resolution
    await markDisputeResolved(tx, { disputeId: dispute.id, resolution: v.resolution, creditedMinor, creditNoteId, note: v.note || null, by: actor.userId, at: now });
    await moveDisputeStatus(tx, { orgId: actor.orgId, disputeId: dispute.id, status: "resolved", at: now, by: actor.userId });
    const after = await listDisputeInvoices(tx, [dispute.id]);
    const closed = after.filter((i) => i.openMinor === 0);
    const eventId = await appendDisputeEvent(tx, deps, {
      orgId: actor.orgId, actorId: actor.userId, dispute, event: "resolved", note: v.note,
      details: {
        from: dispute.status, resolution: v.resolution, creditedMinor, currency: dispute.currency,
        creditNoteNumber: creditNoteId === null ? null : `AV-${invoices[0]!.number}`.slice(0, 100), closedInvoices: closed.map((i) => i.number),
      },
    });
    return { eventId, creditNoteId, closedInvoiceIds: closed.map((i) => i.invoiceId), caseId: dispute.caseId };
  });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "dispute.changed", orgId: actor.orgId, caseId: result.caseId, disputeId: v.disputeId });
  const { caseId: _caseId, ...answer } = result;
  return answer;
};
