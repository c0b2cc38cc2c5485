import {
  addDisputeParticipants, findMemberNames, listDisputeInvoices, listDisputeParticipants, removeDisputeParticipants, updateDisputeFields, withTenant, type TenantTx,
} from "@relance/db";
import { AppError, minorToDecimalText, type FieldIssue } from "@relance/domain";
import { calendarDate, emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { announceAccessRevoked, bringIntoCase, withdrawAccessEndedWithDispute } from "../cases/case-access.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { appendDisputeEvent, findAccessibleDisputeTx, requireDisputeWriter, requireUnresolved, throwFieldIssues, type DisputeEvent } from "./dispute-access.ts";
import { updateDisputeInput } from "./dispute-inputs.ts";
import { checkDisputeMembers, salesRepsAmong } from "./dispute-members.ts";

/**
 * Changes the disputed amount, the owner, the due date or the participants of an unresolved dispute; each change is
 * its own timeline entry. Removing a participant ends his part in the dispute, and with it his access to the case
 * when that was all he had (a sales rep brought in by disputes only, see `withdrawAccessEndedWithDispute`): revoked in
 * the same transaction, recorded on the timeline, and his live connections to the case closed.
 */
export const updateDispute = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ eventIds: string[] }> => {
  const v = parseInput(updateDisputeInput, input);
  requireDisputeWriter(actor);
  const nothing = v.disputedMinor === undefined && v.ownerId === undefined && v.dueDate === undefined && v.addParticipantIds.length === 0 && v.removeParticipantIds.length === 0;
  if (nothing) throw new AppError("BAD_REQUEST", "Nothing to change.", { key: "errors.invalidInput", fields: [{ path: "(input)", message: "Nothing to change" }] });
  const now = deps.clock.now();
  const { eventIds, caseId, revoked } = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const dispute = await findAccessibleDisputeTx(tx, actor, v.disputeId, { lock: true });
    requireUnresolved(dispute);
    const issues: FieldIssue[] = [];
    if (v.disputedMinor !== undefined) {
      const openTotal = (await listDisputeInvoices(tx, [dispute.id])).reduce((sum, i) => sum + Math.max(0, i.openMinor), 0);
      if (v.disputedMinor > openTotal) issues.push({ path: "disputedMinor", message: `At most the open amount of the invoices (${minorToDecimalText(openTotal)} ${dispute.currency})` });
    }
    const adding = [...new Set(v.addParticipantIds)];
    const removing = [...new Set(v.removeParticipantIds)];
    const members = await checkDisputeMembers(tx, { ...(v.ownerId ? { ownerId: v.ownerId } : {}), participantIds: adding, ownerField: "ownerId", participantsField: "addParticipantIds" });
    issues.push(...members.issues);
    const active = new Set((await listDisputeParticipants(tx, [dispute.id])).map((p) => p.userId));
    removing.forEach((userId, index) => {
      if (!active.has(userId)) issues.push({ path: `removeParticipantIds.${index}`, message: "Not a participant of this dispute" });
      if (adding.includes(userId)) issues.push({ path: `removeParticipantIds.${index}`, message: "Both added and removed" });
    });
    if (v.dueDate !== undefined && v.dueDate < calendarDate(now)) issues.push({ path: "dueDate", message: "Must be today or later" });
    throwFieldIssues(issues);

    await updateDisputeFields(tx, dispute.id, { ...v, at: now });
    const events: [DisputeEvent, Record<string, unknown>][] = [];
    if (v.disputedMinor !== undefined && v.disputedMinor !== dispute.disputedMinor) events.push(["amount_changed", { from: dispute.disputedMinor, to: v.disputedMinor, currency: dispute.currency }]);
    if (v.ownerId !== undefined && v.ownerId !== dispute.ownerId) events.push(["owner_changed", { from: dispute.ownerId, to: v.ownerId }]);
    if (v.dueDate !== undefined && v.dueDate !== dispute.dueDate) events.push(["due_date_changed", { from: dispute.dueDate, to: v.dueDate }]);
    const added = await addDisputeParticipants(tx, { orgId: actor.orgId, disputeId: dispute.id, userIds: adding, by: actor.userId, at: now });
    const reps = salesRepsAmong(added, members.roles);
    if (reps.length > 0) await bringIntoCase(tx, actor, { caseId: dispute.caseId, userIds: reps, reason: "dispute" });
    for (const userId of added) events.push(["participant_added", { userId }]);
    const removed = await removeDisputeParticipants(tx, { disputeId: dispute.id, userIds: removing, by: actor.userId, at: now });
    for (const userId of removed) events.push(["participant_removed", { userId }]);
    const revokedAccess = await withdrawAccessEndedWithDispute(tx, actor, { caseId: dispute.caseId, userIds: removed });
    for (const userId of revokedAccess) events.push(["access_revoked", { userId }]);
    const ids: string[] = [];
    for (const [event, details] of await namePeople(tx, events)) {
      ids.push(await appendDisputeEvent(tx, deps, { orgId: actor.orgId, actorId: actor.userId, dispute, event, details, note: v.note }));
    }
    return { eventIds: ids, caseId: dispute.caseId, revoked: revokedAccess };
  });
  announceAccessRevoked(deps, actor.orgId, caseId, revoked);
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "dispute.changed", orgId: actor.orgId, caseId, disputeId: v.disputeId });
  return { eventIds };
};

const PEOPLE_EVENTS: readonly DisputeEvent[] = ["participant_added", "participant_removed", "access_revoked"];

/**
 * Each line about people names them as they are called at that moment (the timeline is read later, by people who do
 * not know the ids): `name` for a participant, `fromName` / `toName` for a change of owner.
 */
const namePeople = async (tx: TenantTx, events: [DisputeEvent, Record<string, unknown>][]): Promise<[DisputeEvent, Record<string, unknown>][]> => {
  const ids = events.flatMap(([event, d]) =>
    PEOPLE_EVENTS.includes(event) ? [d.userId] : event === "owner_changed" ? [d.from, d.to] : []).filter((id): id is string => typeof id === "string");
  const names = await findMemberNames(tx, ids);
  const nameOf = (id: unknown) => (typeof id === "string" ? names.get(id) ?? null : null);
  return events.map(([event, d]) => {
    if (PEOPLE_EVENTS.includes(event)) return [event, { ...d, name: nameOf(d.userId) }];
    if (event === "owner_changed") return [event, { ...d, fromName: nameOf(d.from), toName: nameOf(d.to) }];
    return [event, d];
  });
};
