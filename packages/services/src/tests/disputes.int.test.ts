import { withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { listCaseTimeline } from "../cases/get-case-detail.ts";
import { findAccessibleCase } from "../cases/case-access.ts";
import { authorizeDocument } from "../cases/document-access.ts";
import { changeDisputeStatus } from "../disputes/change-dispute-status.ts";
import { createReason, deleteReason, listReasons, updateDisputeSettings, updateReason } from "../disputes/dispute-reasons.ts";
import { reportDisputeWaitingTime } from "../disputes/dispute-waiting-report.ts";
import { escalateDisputes } from "../disputes/escalate-disputes.ts";
import { getDispute, listCaseDisputes } from "../disputes/get-dispute.ts";
import { openDispute } from "../disputes/open-dispute.ts";
import { resolveDispute } from "../disputes/resolve-dispute.ts";
import { updateDispute } from "../disputes/update-dispute.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught, fieldPaths } from "./cases-fixtures.ts";
import { caseWithInvoices, disputeFootprint, invoiceState, reasonId } from "./disputes-fixtures.ts";

const HOUR = 3_600_000;
let db: Database;
let deps: ServiceDeps;
let clock: ReturnType<typeof buildDeps>["clock"];
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps, clock } = buildDeps(db));
});
afterAll(async () => db.close());

const tenant = async () => {
  clock.set(new Date("2026-03-02T09:00:00Z"));
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager", { displayName: "Claire Crédit" });
  const billing = await buildMember(deps, org, "billing");
  const rep = await buildMember(deps, org, "sales", { displayName: "Thomas Vente" });
  const manager = await buildMember(deps, org, "manager");
  const admin = await buildMember(deps, org, "admin");
  const c = await caseWithInvoices(deps, org, [
    { number: "F-1", dueDate: "2026-02-01", amountMinor: 100_000 },
    { number: "F-2", dueDate: "2026-02-15", amountMinor: 50_000, openMinor: 30_000 },
  ]);
  return { org, cm, billing, rep, manager, admin, ...c, price: await reasonId(deps, cm) };
};

describe("a dispute's life", () => {
  it("opens with the invoices' open total by default, the SLA due date, and brings a sales participant into the case", async () => {
    const t = await tenant();
    await expect(findAccessibleCase(deps, t.rep, t.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"], t.invoiceIds["F-2"]], reasonId: t.price, participantIds: [t.rep.userId], note: "Customer contests the unit price" });
    const d = await getDispute(deps, t.cm, { disputeId });
    expect(d).toMatchObject({
      status: "open", disputedMinor: 130_000, currency: "EUR", ownerId: t.cm.userId, dueDate: "2026-03-16", reasonCode: "price", overdue: false,
      notesDocument: `dispute-${disputeId}`, mayResolve: true, mayEdit: true,
    });
    expect(d.invoices.map((i) => i.number)).toEqual(["F-1", "F-2"]);
    expect(d.participants.map((p) => p.displayName)).toEqual(["Thomas Vente"]);
    expect((await findAccessibleCase(deps, t.rep, t.caseId)).id).toBe(t.caseId);
    const { events } = await listCaseTimeline(deps, t.cm, { caseId: t.caseId });
    expect(events[0]).toMatchObject({ kind: "dispute", actorName: "Claire Crédit", payload: { disputeId, event: "opened", invoices: ["F-1", "F-2"], disputedMinor: 130_000, note: "Customer contests the unit price" } });
  });

  it("times each waiting party exactly from the stored intervals, up to now", async () => {
    const t = await tenant();
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, participantIds: [t.rep.userId] });
    clock.advance(1 * HOUR);
    await changeDisputeStatus(deps, t.cm, { disputeId, status: "waiting_sales", note: "Ask Thomas about the quote" });
    clock.advance(3 * HOUR);
    await changeDisputeStatus(deps, t.rep, { disputeId, status: "waiting_billing", note: "Quote said 10% off" });
    clock.advance(2 * HOUR);
    await changeDisputeStatus(deps, t.billing, { disputeId, status: "waiting_customer" });
    clock.advance(5 * HOUR);
    const d = await getDispute(deps, t.manager, { disputeId });
    expect(d.waitingMs).toEqual({ sales: 3 * HOUR, billing: 2 * HOUR, customer: 5 * HOUR });
    expect(d.waitingNow).toEqual({ party: "customer", since: new Date("2026-03-02T15:00:00Z") });
    expect(d.intervals.map((i) => i.status)).toEqual(["open", "waiting_sales", "waiting_billing", "waiting_customer"]);
    expect(d).toMatchObject({ allowedTransitions: [], mayResolve: false, mayEdit: false });

    const report = await reportDisputeWaitingTime(deps, t.manager, { from: "2026-03-02T00:00:00Z", to: "2026-03-02T14:00:00Z" });
    expect(report.parties).toEqual([
      { party: "sales", totalMs: 3 * HOUR, disputeCount: 1, averageMs: 3 * HOUR },
      { party: "billing", totalMs: 1 * HOUR, disputeCount: 1, averageMs: 1 * HOUR },
      { party: "customer", totalMs: 0, disputeCount: 0, averageMs: 0 },
    ]);
    const changes = (await listCaseTimeline(deps, t.cm, { caseId: t.caseId })).events.filter((e) => e.payload.event === "status_changed");
    expect(changes.map((e) => [e.payload.from, e.payload.to, e.actorName])).toEqual([
      ["waiting_billing", "waiting_customer", t.billing.displayName],
      ["waiting_sales", "waiting_billing", "Thomas Vente"],
      ["open", "waiting_sales", "Claire Crédit"],
    ]);
    expect(changes[1]!.payload.note).toBe("Quote said 10% off");
  });

  it("a credit note for the whole claim closes the invoice in the same transaction, and the dispute's clocks stop", async () => {
    const t = await tenant();
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-2"]], reasonId: t.price });
    await changeDisputeStatus(deps, t.cm, { disputeId, status: "waiting_billing" });
    clock.advance(2 * HOUR);
    const result = await resolveDispute(deps, t.billing, { disputeId, resolution: "credit_note", note: "Credit note issued" });
    expect(result.closedInvoiceIds).toEqual([t.invoiceIds["F-2"]]);
    expect(await invoiceState(deps, t.org, t.invoiceIds["F-2"]!)).toEqual({ openMinor: 0, amountMinor: 50_000 });
    const creditNote = await withTenant(db.sql, t.org.id, async (tx) => (await tx<{ kind: string; amountMinor: number; openMinor: number; number: string }[]>`
      select kind, amount_minor as "amountMinor", open_minor as "openMinor", number from invoices where id = ${result.creditNoteId}`)[0]);
    expect(creditNote).toEqual({ kind: "credit_note", amountMinor: -30_000, openMinor: 0, number: "AV-F-2" });
    clock.advance(10 * HOUR);
    const d = await getDispute(deps, t.cm, { disputeId });
    expect(d).toMatchObject({ status: "resolved", resolution: "credit_note", creditedMinor: 30_000, creditNoteNumber: "AV-F-2", waitingNow: null, allowedTransitions: [] });
    expect(d.waitingMs.billing).toBe(2 * HOUR);
    const { events } = await listCaseTimeline(deps, t.cm, { caseId: t.caseId });
    expect(events[0]!.payload).toMatchObject({ event: "resolved", resolution: "credit_note", creditedMinor: 30_000, closedInvoices: ["F-2"], note: "Credit note issued" });
    expect((await caught(resolveDispute(deps, t.cm, { disputeId, resolution: "rejected" }))).code).toBe("PRECONDITION_FAILED");
    expect((await caught(changeDisputeStatus(deps, t.cm, { disputeId, status: "investigating" }))).code).toBe("PRECONDITION_FAILED");
  });

  it("updates amount, owner, due date and participants, one timeline entry each", async () => {
    const t = await tenant();
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, disputedMinor: 40_000 });
    const { eventIds } = await updateDispute(deps, t.cm, { disputeId, disputedMinor: 60_000, ownerId: t.billing.userId, dueDate: "2026-03-20", addParticipantIds: [t.rep.userId], note: "Customer widened the claim" });
    expect(eventIds).toHaveLength(4);
    await updateDispute(deps, t.cm, { disputeId, removeParticipantIds: [t.rep.userId] });
    const d = await getDispute(deps, t.cm, { disputeId });
    expect(d).toMatchObject({ disputedMinor: 60_000, ownerId: t.billing.userId, dueDate: "2026-03-20", participants: [] });
    const payloads = (await listCaseTimeline(deps, t.cm, { caseId: t.caseId })).events.map((e) => e.payload);
    expect(payloads.map((p) => p.event)).toEqual(["access_revoked", "participant_removed", "participant_added", "due_date_changed", "owner_changed", "amount_changed", "opened"]);
    // the lines about people name them, as they were called then
    expect(payloads[2]).toMatchObject({ userId: t.rep.userId, name: t.rep.displayName });
    expect(payloads[4]).toMatchObject({ to: t.billing.userId, toName: t.billing.displayName, fromName: t.cm.displayName });
    // the dispute was all that brought him in (see dispute-leave-access.int.test.ts for the other cases)
    await expect(findAccessibleCase(deps, t.rep, t.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("escalation", () => {
  it("escalates an overdue dispute once: one alert, one timeline entry, however often it runs", async () => {
    const t = await tenant();
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, dueDate: "2026-03-04" });
    expect(await escalateDisputes(deps, t.org.id, { asOf: "2026-03-04" })).toEqual({ escalated: 0 });
    clock.set(new Date("2026-03-05T06:00:00Z"));
    expect(await escalateDisputes(deps, t.org.id)).toEqual({ escalated: 1 });
    expect(await escalateDisputes(deps, t.org.id)).toEqual({ escalated: 0 });
    expect(await escalateDisputes(deps, t.org.id, { asOf: "2026-03-09" })).toEqual({ escalated: 0 });
    const alerts = await withTenant(db.sql, t.org.id, (tx) => tx<{ kind: string; userId: string; caseId: string }[]>`select kind, user_id as "userId", case_id as "caseId" from alerts`);
    expect(alerts).toEqual([{ kind: "dispute_overdue", userId: t.cm.userId, caseId: t.caseId }]);
    const d = await getDispute(deps, t.cm, { disputeId });
    expect(d.escalatedAt).toEqual(new Date("2026-03-05T06:00:00Z"));
    expect(d.overdue).toBe(true);
    const escalations = (await listCaseTimeline(deps, t.cm, { caseId: t.caseId })).events.filter((e) => e.payload.event === "escalated");
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.actorName).toBeNull();
  });

  it("leaves resolved disputes alone", async () => {
    const t = await tenant();
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, dueDate: "2026-03-02" });
    await resolveDispute(deps, t.cm, { disputeId, resolution: "rejected" });
    expect(await escalateDisputes(deps, t.org.id, { asOf: "2026-04-01" })).toEqual({ escalated: 0 });
  });
});

describe("who may do what", () => {
  it("a sales rep who sees the case moves it along but cannot put it on his own desk, resolve, open or edit it; managers only read", async () => {
    const t = await tenant();
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, participantIds: [t.rep.userId] });
    expect((await caught(changeDisputeStatus(deps, t.rep, { disputeId, status: "waiting_sales" }))).code).toBe("FORBIDDEN");
    await changeDisputeStatus(deps, t.rep, { disputeId, status: "investigating" });
    expect((await caught(resolveDispute(deps, t.rep, { disputeId, resolution: "rejected" }))).code).toBe("FORBIDDEN");
    expect((await caught(updateDispute(deps, t.rep, { disputeId, disputedMinor: 1 }))).code).toBe("FORBIDDEN");
    expect((await caught(openDispute(deps, t.rep, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-2"]], reasonId: t.price }))).code).toBe("FORBIDDEN");
    expect((await caught(changeDisputeStatus(deps, t.manager, { disputeId, status: "waiting_billing" }))).code).toBe("FORBIDDEN");
    expect((await caught(resolveDispute(deps, t.manager, { disputeId, resolution: "rejected" }))).code).toBe("FORBIDDEN");
    expect((await getDispute(deps, t.manager, { disputeId })).status).toBe("investigating");
    expect(await authorizeDocument(deps, t.manager, `dispute-${disputeId}`)).toEqual({ readOnly: true, caseId: t.caseId });
    expect(await authorizeDocument(deps, t.rep, `dispute-${disputeId}`)).toEqual({ readOnly: false, caseId: t.caseId });
  });

  it("a sales rep not brought into the case, and another tenant, get not found", async () => {
    const t = await tenant();
    const other = await buildMember(deps, t.org, "sales");
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price });
    const stranger = await tenant();
    for (const actor of [other, stranger.cm, stranger.admin]) {
      expect((await caught(getDispute(deps, actor, { disputeId }))).code).toBe("NOT_FOUND");
      expect((await caught(changeDisputeStatus(deps, actor, { disputeId, status: "investigating" }))).code).toMatch(/NOT_FOUND|FORBIDDEN/);
      expect((await caught(authorizeDocument(deps, actor, `dispute-${disputeId}`))).code).toBe("NOT_FOUND");
    }
    expect((await caught(resolveDispute(deps, stranger.cm, { disputeId, resolution: "rejected" }))).code).toBe("NOT_FOUND");
    expect((await caught(listCaseDisputes(deps, stranger.cm, { caseId: t.caseId }))).code).toBe("NOT_FOUND");
    // another tenant's invoice on one's own case
    const e = await caught(openDispute(deps, stranger.cm, { caseId: stranger.caseId, invoiceIds: [t.invoiceIds["F-2"]], reasonId: stranger.price }));
    expect(fieldPaths(e)).toEqual(["invoiceIds.0"]);
    expect((await getDispute(deps, t.cm, { disputeId })).status).toBe("open");
  });
});

describe("bad input changes nothing", () => {
  it("names every field at fault", async () => {
    const t = await tenant();
    const { disputeId: taken } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-2"]], reasonId: t.price });
    const before = await disputeFootprint(deps, t.org);
    const cases: [() => Promise<unknown>, string[]][] = [
      [() => openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, disputedMinor: 100_001 }), ["disputedMinor"]],
      [() => openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [], reasonId: "nope", disputedMinor: -3 }), ["disputedMinor", "invoiceIds", "reasonId"]],
      [() => openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-2"]], reasonId: t.price }), ["invoiceIds.0"]],
      [() => openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, ownerId: t.rep.userId, participantIds: [t.org.id], dueDate: "2026-03-01" }), ["dueDate", "ownerId", "participantIds.0"]],
      [() => openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price, dueDate: "2026-02-30" }), ["dueDate"]],
      [() => changeDisputeStatus(deps, t.cm, { disputeId: taken, status: "open" }), ["status"]],
      [() => changeDisputeStatus(deps, t.cm, { disputeId: taken, status: "resolved" }), ["status"]],
      [() => updateDispute(deps, t.cm, { disputeId: taken, disputedMinor: 30_001 }), ["disputedMinor"]],
      [() => updateDispute(deps, t.cm, { disputeId: taken }), ["(input)"]],
      [() => updateDispute(deps, t.cm, { disputeId: taken, removeParticipantIds: [t.rep.userId] }), ["removeParticipantIds.0"]],
      [() => resolveDispute(deps, t.cm, { disputeId: taken, resolution: "partial" }), ["creditedMinor"]],
      [() => resolveDispute(deps, t.cm, { disputeId: taken, resolution: "partial", creditedMinor: 30_000 }), ["creditedMinor"]],
      [() => resolveDispute(deps, t.cm, { disputeId: taken, resolution: "credit_note", creditedMinor: 30_001 }), ["creditedMinor"]],
      [() => resolveDispute(deps, t.cm, { disputeId: taken, resolution: "rejected", creditedMinor: 5 }), ["creditedMinor"]],
    ];
    for (const [attempt, paths] of cases) {
      const error = await caught(attempt());
      expect(error.code, paths.join()).toBe("BAD_REQUEST");
      expect(fieldPaths(error)).toEqual(paths);
    }
    expect(await disputeFootprint(deps, t.org)).toEqual(before);
  });

  it("refuses invoices of two currencies", async () => {
    const t = await tenant();
    const mixed = await caseWithInvoices(deps, t.org, [{ number: "E-1", amountMinor: 100 }, { number: "C-1", amountMinor: 100, currency: "CHF" }]);
    const error = await caught(openDispute(deps, t.cm, { caseId: mixed.caseId, invoiceIds: Object.values(mixed.invoiceIds), reasonId: t.price }));
    expect(fieldPaths(error)).toEqual(["invoiceIds"]);
  });
});

describe("reasons", () => {
  it("seeds the default codes, lets an admin add, rename and retire, and refuses deleting one in use", async () => {
    const t = await tenant();
    expect((await listReasons(deps, t.cm)).map((r) => r.code)).toEqual(["price", "quantity", "quality", "delivery", "missing_po", "duplicate_billing", "already_paid", "other"]);
    const { reasonId: late } = await createReason(deps, t.admin, { code: "late_delivery", labelFr: "Livraison tardive", labelEn: "Late delivery" });
    expect(fieldPaths(await caught(createReason(deps, t.admin, { code: "late_delivery", labelFr: "x", labelEn: "y" })))).toEqual(["code"]);
    expect(fieldPaths(await caught(createReason(deps, t.admin, { code: "Bad Code", labelFr: "", labelEn: "y" })))).toEqual(["code", "labelFr"]);
    expect((await caught(createReason(deps, t.cm, { code: "nope", labelFr: "x", labelEn: "y" }))).code).toBe("FORBIDDEN");

    await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: late });
    expect((await caught(deleteReason(deps, t.admin, { reasonId: late }))).code).toBe("CONFLICT");
    await updateReason(deps, t.admin, { reasonId: late, labelEn: "Delivered late", retired: true });
    const retired = (await listReasons(deps, t.cm)).find((r) => r.id === late)!;
    expect(retired).toMatchObject({ labelEn: "Delivered late", useCount: 1 });
    expect(retired.retiredAt).not.toBeNull();
    expect(fieldPaths(await caught(openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-2"]], reasonId: late })))).toEqual(["reasonId"]);

    const other = (await listReasons(deps, t.cm)).find((r) => r.code === "other")!;
    await deleteReason(deps, t.admin, { reasonId: other.id });
    expect((await listReasons(deps, t.cm)).some((r) => r.code === "other")).toBe(false);
    const stranger = await tenant();
    expect((await caught(updateReason(deps, stranger.admin, { reasonId: late, retired: false }))).code).toBe("NOT_FOUND");
  });

  it("a new SLA setting gives new disputes their due date", async () => {
    const t = await tenant();
    await updateDisputeSettings(deps, t.admin, { slaBusinessDays: 3 });
    const { disputeId } = await openDispute(deps, t.cm, { caseId: t.caseId, invoiceIds: [t.invoiceIds["F-1"]], reasonId: t.price });
    expect((await getDispute(deps, t.cm, { disputeId })).dueDate).toBe("2026-03-05");
    expect(fieldPaths(await caught(updateDisputeSettings(deps, t.admin, { slaBusinessDays: 0 })))).toEqual(["slaBusinessDays"]);
  });
});
