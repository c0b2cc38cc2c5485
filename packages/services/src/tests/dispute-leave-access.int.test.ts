import { withTenant, type Database } from "@relance/db";
import { mentionToken } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent, ServiceDeps } from "../deps.ts";
import { findAccessibleCase, listCaseAccess, revokeCaseParticipant } from "../cases/case-access.ts";
import { listCaseTimeline } from "../cases/get-case-detail.ts";
import { sendChatMessage } from "../chat/send-chat-message.ts";
import { openDispute } from "../disputes/open-dispute.ts";
import { resolveDispute } from "../disputes/resolve-dispute.ts";
import { updateDispute } from "../disputes/update-dispute.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caseWithInvoices, reasonId } from "./disputes-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
const announced: DomainEvent[] = [];
beforeAll(async () => {
  db = await openTestDatabase();
  deps = { ...buildDeps(db).deps, events: { emit: (event) => announced.push(event) } };
});
afterAll(async () => db.close());

/** A case with three invoices (disputes may run side by side), its debtor owned by the rep when asked. */
const tenant = async (options: { repOwnsDebtor?: boolean } = {}) => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const billing = await buildMember(deps, org, "billing");
  const rep = await buildMember(deps, org, "sales");
  const c = await caseWithInvoices(deps, org, [
    { number: "F-1", dueDate: "2026-02-01", amountMinor: 100_000 },
    { number: "F-2", dueDate: "2026-02-15", amountMinor: 50_000 },
    { number: "F-3", dueDate: "2026-02-20", amountMinor: 20_000 },
  ], options.repOwnsDebtor ? { salesOwnerId: rep.userId } : {});
  const price = await reasonId(deps, cm);
  const open = (invoice: "F-1" | "F-2" | "F-3", participantIds: string[]) =>
    openDispute(deps, cm, { caseId: c.caseId, invoiceIds: [c.invoiceIds[invoice]], reasonId: price, participantIds }).then((d) => d.disputeId);
  const remove = (disputeId: string, userId: string) => updateDispute(deps, cm, { disputeId, removeParticipantIds: [userId] });
  const sees = (member: typeof rep) => findAccessibleCase(deps, member, c.caseId).then(() => true, () => false);
  const revocations = () => announced.filter((e) => e.type === "case.access-revoked" && e.caseId === c.caseId);
  const timeline = async () => (await listCaseTimeline(deps, cm, { caseId: c.caseId })).events.map((e) => e.payload);
  return { org, cm, billing, rep, ...c, open, remove, sees, revocations, timeline };
};

describe("leaving a dispute", () => {
  it("takes away the case access a dispute alone gave a sales rep, in the same change, on the timeline and to his live connections", async () => {
    const t = await tenant();
    const disputeId = await t.open("F-1", [t.rep.userId]);
    expect(await t.sees(t.rep)).toBe(true);
    await t.remove(disputeId, t.rep.userId);
    expect(await t.sees(t.rep)).toBe(false);
    expect(t.revocations()).toEqual([{ type: "case.access-revoked", orgId: t.org.id, caseId: t.caseId, userId: t.rep.userId }]);
    const [revoked, removed] = await t.timeline();
    expect(removed).toMatchObject({ disputeId, event: "participant_removed", userId: t.rep.userId, name: t.rep.displayName });
    expect(revoked).toMatchObject({ disputeId, event: "access_revoked", userId: t.rep.userId, name: t.rep.displayName });
    const [grant] = await listCaseAccess(deps, t.cm, { caseId: t.caseId });
    expect(grant).toMatchObject({ userId: t.rep.userId, reason: "dispute", revokedBy: t.cm.userId });
    expect(grant!.revokedAt).not.toBeNull();
  });

  it("keeps it while he takes part in another unresolved dispute of the case, and not once that one is resolved", async () => {
    const t = await tenant();
    const first = await t.open("F-1", [t.rep.userId]);
    const second = await t.open("F-2", [t.rep.userId]);
    await t.remove(first, t.rep.userId);
    expect(await t.sees(t.rep)).toBe(true);
    expect(t.revocations()).toEqual([]);

    // a resolved dispute is history, not a reason to keep seeing the case; resolving does not revoke by itself
    const third = await t.open("F-3", [t.rep.userId]);
    await resolveDispute(deps, t.cm, { disputeId: second, resolution: "rejected" });
    expect(await t.sees(t.rep)).toBe(true);
    await t.remove(third, t.rep.userId);
    expect(await t.sees(t.rep)).toBe(false);
    expect(t.revocations()).toHaveLength(1);
  });

  it("keeps it when he was mentioned in the case's chat, before the dispute or while it stood", async () => {
    const mentionedFirst = await tenant();
    await sendChatMessage(deps, mentionedFirst.cm, { caseId: mentionedFirst.caseId, clientId: crypto.randomUUID(), body: `${mentionToken(mentionedFirst.rep.userId)} see this` });
    const a = await mentionedFirst.open("F-1", [mentionedFirst.rep.userId]);
    await mentionedFirst.remove(a, mentionedFirst.rep.userId);
    expect(await mentionedFirst.sees(mentionedFirst.rep)).toBe(true);

    // the grant keeps its first reason (dispute): the later mention is read from the message
    const mentionedLater = await tenant();
    const b = await mentionedLater.open("F-1", [mentionedLater.rep.userId]);
    await sendChatMessage(deps, mentionedLater.cm, { caseId: mentionedLater.caseId, clientId: crypto.randomUUID(), body: `${mentionToken(mentionedLater.rep.userId)} and this` });
    await mentionedLater.remove(b, mentionedLater.rep.userId);
    expect(await mentionedLater.sees(mentionedLater.rep)).toBe(true);
    expect([...mentionedFirst.revocations(), ...mentionedLater.revocations()]).toEqual([]);
    expect((await mentionedLater.timeline()).map((p) => p.event)).not.toContain("access_revoked");
  });

  it("does not count a mention made before his access was revoked and given back by a dispute", async () => {
    const t = await tenant();
    await sendChatMessage(deps, t.cm, { caseId: t.caseId, clientId: crypto.randomUUID(), body: `${mentionToken(t.rep.userId)} once` });
    await withTenant(db.sql, t.org.id, (tx) => tx`update cases set assignee_id = ${t.cm.userId} where id = ${t.caseId}`);
    await revokeCaseParticipant(deps, t.cm, { caseId: t.caseId, userId: t.rep.userId });
    // granted_at has a clock of its own (now()): let it move past the mention's
    await new Promise((resolve) => setTimeout(resolve, 5));
    const disputeId = await t.open("F-1", [t.rep.userId]);
    await t.remove(disputeId, t.rep.userId);
    expect(await t.sees(t.rep)).toBe(false);
  });

  it("leaves alone the rep who owns the debtor and the members who see every case", async () => {
    const t = await tenant({ repOwnsDebtor: true });
    const disputeId = await t.open("F-1", [t.rep.userId, t.billing.userId]);
    await updateDispute(deps, t.cm, { disputeId, removeParticipantIds: [t.rep.userId, t.billing.userId] });
    expect(await t.sees(t.rep)).toBe(true);
    expect(await t.sees(t.billing)).toBe(true);
    expect(t.revocations()).toEqual([]);
    expect((await t.timeline()).map((p) => p.event)).toEqual(["participant_removed", "participant_removed", "opened"]);
  });
});
