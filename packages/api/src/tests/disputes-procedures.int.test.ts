import type { Database } from "@relance/db";
import { escalateDisputes, type ServiceDeps } from "@relance/services";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase, signInMember, type TestMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../errors.ts";
import { createRequester, expectCode } from "./request-context.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const asMember = async (member: TestMember) => (await createRequester(deps)(await signInMember(deps, member))).api;
const fieldPaths = (error: Parameters<typeof describeError>[0]) => describeError(error, null).data.fields.map((f) => f.path).sort();

const tenant = async () => {
  const org = await buildOrg(deps);
  const [cm, rep, manager] = [await buildMember(deps, org, "credit_manager"), await buildMember(deps, org, "sales"), await buildMember(deps, org, "manager")];
  const { caseId } = await buildCase(deps, org);
  const api = await asMember(cm);
  const invoiceId = (await api.cases.get({ caseId })).openInvoices[0]!.id;
  const reasonId = (await api.disputes.reasons()).find((r) => r.code === "delivery")!.id;
  return { org, cm, rep, manager, caseId, api, invoiceId, reasonId };
};

describe("disputes procedures", () => {
  it("open, list, move, resolve with a credit note: the invoice leaves the case's open invoices", async () => {
    const t = await tenant();
    const { disputeId } = await t.api.disputes.open({ caseId: t.caseId, invoiceIds: [t.invoiceId], reasonId: t.reasonId, participantIds: [t.rep.userId] });
    const [listed] = await t.api.disputes.listByCase({ caseId: t.caseId });
    expect(listed).toMatchObject({ id: disputeId, status: "open", disputedMinor: 125_000, reason: { code: "delivery", labelEn: "Delivery" }, notesDocument: `dispute-${disputeId}` });
    expect(listed!.allowedTransitions).toContain("waiting_sales");

    const rep = await asMember(t.rep);
    await t.api.disputes.changeStatus({ disputeId, status: "waiting_sales" });
    const seenByRep = await rep.disputes.get({ disputeId });
    expect(seenByRep).toMatchObject({ status: "waiting_sales", mayResolve: false, mayEdit: false, allowedTransitions: ["investigating", "waiting_billing", "waiting_customer"] });
    await rep.disputes.changeStatus({ disputeId, status: "waiting_billing", note: "Delivered on the 3rd, see the signed slip" });
    await expectCode(rep.disputes.resolve({ disputeId, resolution: "rejected" }), "FORBIDDEN");

    const disputedRow = async () => (await t.api.invoices.list({ filters: { statuses: ["open", "credited"] } })).rows.find((r) => r.id === t.invoiceId);
    expect(await disputedRow()).toMatchObject({ disputed: true, status: "open" });
    expect((await t.api.cases.get({ caseId: t.caseId })).openInvoices[0]!.disputed).toBe(true);
    await t.api.disputes.resolve({ disputeId, resolution: "credit_note" });
    expect(await disputedRow()).toMatchObject({ disputed: false, openMinor: 0, status: "credited" });
    expect((await t.api.cases.get({ caseId: t.caseId })).openInvoices).toEqual([]);
    const events = (await t.api.cases.timeline({ caseId: t.caseId })).events.map((e) => e.payload.event);
    expect(events).toEqual(["resolved", "status_changed", "status_changed", "opened"]);
  });

  it("managers read only; another tenant's ids are not found; bad input names its fields", async () => {
    const t = await tenant();
    const { disputeId } = await t.api.disputes.open({ caseId: t.caseId, invoiceIds: [t.invoiceId], reasonId: t.reasonId, disputedMinor: 1_000 });
    const manager = await asMember(t.manager);
    expect((await manager.disputes.get({ disputeId })).status).toBe("open");
    await expectCode(manager.disputes.changeStatus({ disputeId, status: "investigating" }), "FORBIDDEN");
    await expectCode(manager.disputes.open({ caseId: t.caseId, invoiceIds: [t.invoiceId], reasonId: t.reasonId }), "FORBIDDEN");
    expect((await manager.disputes.waitingReport({ from: "2026-03-01T00:00:00Z", to: "2026-03-03T00:00:00Z" })).parties).toHaveLength(3);
    await expectCode((await asMember(t.rep)).disputes.waitingReport({ from: "2026-03-01T00:00:00Z", to: "2026-03-03T00:00:00Z" }), "FORBIDDEN");

    const other = await tenant();
    await expectCode(other.api.disputes.get({ disputeId }), "NOT_FOUND");
    await expectCode(other.api.disputes.resolve({ disputeId, resolution: "rejected" }), "NOT_FOUND");
    await expectCode(other.api.disputes.listByCase({ caseId: t.caseId }), "NOT_FOUND");

    const bad = await expectCode(t.api.disputes.update({ disputeId, disputedMinor: 125_001, dueDate: "2026-13-01" }), "BAD_REQUEST");
    expect(fieldPaths(bad)).toEqual(["dueDate"]);
    const tooMuch = await expectCode(t.api.disputes.update({ disputeId, disputedMinor: 125_001 }), "BAD_REQUEST");
    expect(fieldPaths(tooMuch)).toEqual(["disputedMinor"]);
    expect((await t.api.disputes.get({ disputeId })).disputedMinor).toBe(1_000);
    await expectCode(t.api.disputes.createReason({ code: "x_y", labelFr: "a", labelEn: "b" }), "FORBIDDEN");

    // past its due date, the daily run escalates it: the owner finds the alert among his collection alerts
    expect(await escalateDisputes(deps, t.org.id, { asOf: "2026-03-20" })).toEqual({ escalated: 1 });
    const { alerts } = await t.api.alerts.list({});
    expect(alerts.map((a) => [a.kind, a.caseId, a.dueOn])).toEqual([["dispute_overdue", t.caseId, "2026-03-16"]]);
    expect((await t.api.disputes.get({ disputeId })).escalatedAt).not.toBeNull();
  });
});
