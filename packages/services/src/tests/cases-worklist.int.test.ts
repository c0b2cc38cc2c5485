import { withTenant, type Database, type OrganizationRow } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { recordPromise } from "../cases/case-promises.ts";
import { listCaseTimeline } from "../cases/get-case-detail.ts";
import { listMyDay, markActionDone, skipAction, snoozeAction, snoozeActions } from "../cases/worklist.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, daysAgo, openTestDatabase, type TestMember } from "../testing/index.ts";
import { addAction, caught, fieldPaths } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
let clock: ReturnType<typeof buildDeps>["clock"];
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps, clock } = buildDeps(db));
});
afterAll(async () => db.close());

const openCase = (org: OrganizationRow, debtorId: string, assigneeId: string | null = null) =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [row] = await tx<{ id: string }[]>`insert into cases (org_id, debtor_id, assignee_id) values (${org.id}, ${debtorId}, ${assigneeId}) returning id`;
    return row!.id;
  });

/** A debtor with invoices, its case, and one due action over all the invoices. */
const debtorWithAction = async (
  org: OrganizationRow,
  spec: { name: string; invoices: { amountMinor: number; dueDaysAgo: number }[]; channel?: "email" | "call"; salesOwnerId?: string; assigneeId?: string },
) => {
  const debtorId = await addDebtor(deps, org, { name: spec.name, salesOwnerId: spec.salesOwnerId ?? null });
  const ids = await addInvoices(deps, org, debtorId, spec.invoices.map((i, n) => ({ number: `${spec.name}-${n}`, amountMinor: i.amountMinor, dueDate: daysAgo(i.dueDaysAgo) })));
  const caseId = await openCase(org, debtorId, spec.assigneeId ?? null);
  const actionId = await addAction(deps, org, { caseId, debtorId, invoiceIds: Object.values(ids), plannedFor: daysAgo(1), channel: spec.channel ?? "email" });
  return { debtorId, caseId, actionId };
};

const tenant = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const rep = await buildMember(deps, org, "sales");
  return { org, cm, rep };
};
const names = async (actor: TestMember, input = {}) => (await listMyDay(deps, actor, input)).rows.map((r) => r.debtorName);

describe("worklist", () => {
  it("orders due work by amount at risk, then the oldest due date, with what each row needs", async () => {
    const { org, cm } = await tenant();
    await debtorWithAction(org, { name: "Small", invoices: [{ amountMinor: 10_000, dueDaysAgo: 90 }] });
    const big = await debtorWithAction(org, { name: "Big", invoices: [{ amountMinor: 70_000, dueDaysAgo: 20 }, { amountMinor: 30_000, dueDaysAgo: 40 }], channel: "call" });
    await debtorWithAction(org, { name: "Tie-young", invoices: [{ amountMinor: 50_000, dueDaysAgo: 10 }] });
    await debtorWithAction(org, { name: "Tie-old", invoices: [{ amountMinor: 50_000, dueDaysAgo: 60 }] });
    // a case whose next action date has come, without a planned action
    const callBack = await addDebtor(deps, org, { name: "Callback" });
    await addInvoices(deps, org, callBack, [{ number: "CB-1", amountMinor: 20_000, dueDate: daysAgo(5) }]);
    const callBackCase = await openCase(org, callBack);
    await withTenant(deps.db.sql, org.id, (tx) => tx`update cases set next_action_date = ${daysAgo(0)} where id = ${callBackCase}`);
    await recordPromise(deps, cm, { caseId: big.caseId, amountMinor: 1_000, currency: "EUR", promisedFor: "2026-03-20" });
    // not due: planned tomorrow, or already sent
    const later = await debtorWithAction(org, { name: "Later", invoices: [{ amountMinor: 900_000, dueDaysAgo: 5 }] });
    await withTenant(deps.db.sql, org.id, (tx) => tx`update dunning_actions set planned_for = '2026-03-03' where id = ${later.actionId}`);

    const { today, rows } = await listMyDay(deps, cm, {});
    expect(today).toBe("2026-03-02");
    expect(rows.map((r) => r.debtorName)).toEqual(["Big", "Tie-old", "Tie-young", "Callback", "Small"]);
    expect(rows[0]).toMatchObject({ kind: "action", id: big.actionId, channel: "call", level: 1, invoiceCount: 2, amountAtRiskMinor: 100_000, currency: "EUR", oldestDueDate: daysAgo(40), promisePending: true });
    expect(rows[3]).toMatchObject({ kind: "case", id: callBackCase, channel: null, invoiceCount: 1, amountAtRiskMinor: 20_000, promisePending: false });
  });

  it("hides a snoozed action until its date, and snoozes in bulk", async () => {
    const { org, cm } = await tenant();
    const a = await debtorWithAction(org, { name: "A", invoices: [{ amountMinor: 10_000, dueDaysAgo: 10 }] });
    const b = await debtorWithAction(org, { name: "B", invoices: [{ amountMinor: 20_000, dueDaysAgo: 10 }] });
    const c = await debtorWithAction(org, { name: "C", invoices: [{ amountMinor: 30_000, dueDaysAgo: 10 }] });
    expect(await snoozeAction(deps, cm, { actionId: a.actionId, until: "2026-03-03" })).toEqual({ snoozed: 1 });
    expect(await names(cm)).toEqual(["C", "B"]);
    expect(await snoozeActions(deps, cm, { actionIds: [b.actionId, c.actionId], until: "2026-03-05" })).toEqual({ snoozed: 2 });
    expect(await names(cm)).toEqual([]);
    clock.set(new Date("2026-03-03T09:00:00Z"));
    try {
      expect(await names(cm)).toEqual(["A"]);
      clock.set(new Date("2026-03-05T09:00:00Z"));
      expect(await names(cm)).toEqual(["C", "B", "A"]);
    } finally {
      clock.set(new Date("2026-03-02T09:00:00Z"));
    }
    const error = await caught(snoozeAction(deps, cm, { actionId: a.actionId, until: "2026-03-02" }));
    expect([error.code, fieldPaths(error)]).toEqual(["BAD_REQUEST", ["until"]]);
    expect(fieldPaths(await caught(snoozeActions(deps, cm, { actionIds: [], until: "2026-13-01" })))).toEqual(["actionIds", "until"]);
  });

  it("marks a call task done with a call on the timeline, and skips with a reason", async () => {
    const { org, cm } = await tenant();
    const call = await debtorWithAction(org, { name: "Call", invoices: [{ amountMinor: 10_000, dueDaysAgo: 10 }], channel: "call" });
    const mail = await debtorWithAction(org, { name: "Mail", invoices: [{ amountMinor: 10_000, dueDaysAgo: 10 }] });
    expect(fieldPaths(await caught(markActionDone(deps, cm, { actionId: call.actionId })))).toEqual(["outcome"]);
    await markActionDone(deps, cm, { actionId: call.actionId, outcome: "reached", note: "Will pay Friday" });
    await skipAction(deps, cm, { actionId: mail.actionId, reason: "Dispute under review" });
    expect(await names(cm)).toEqual([]);
    expect((await listCaseTimeline(deps, cm, { caseId: call.caseId })).events).toMatchObject([{ kind: "call", payload: { outcome: "reached", note: "Will pay Friday" } }]);
    expect((await listCaseTimeline(deps, cm, { caseId: mail.caseId })).events).toMatchObject([{ kind: "note", payload: { reason: "Dispute under review" } }]);
    expect((await caught(skipAction(deps, cm, { actionId: mail.actionId, reason: "again" }))).code).toBe("PRECONDITION_FAILED");
  });

  it("shows a sales rep only his debtors' work, and a member only his cases when asked", async () => {
    const { org, cm, rep } = await tenant();
    await debtorWithAction(org, { name: "Rep's", invoices: [{ amountMinor: 10_000, dueDaysAgo: 10 }], salesOwnerId: rep.userId });
    await debtorWithAction(org, { name: "Mine", invoices: [{ amountMinor: 20_000, dueDaysAgo: 10 }], assigneeId: cm.userId });
    const other = await debtorWithAction(org, { name: "Other", invoices: [{ amountMinor: 30_000, dueDaysAgo: 10 }] });
    expect(await names(rep)).toEqual(["Rep's"]);
    expect(await names(cm)).toEqual(["Other", "Mine", "Rep's"]);
    expect(await names(cm, { assigneeOnly: true })).toEqual(["Mine"]);
    expect((await caught(snoozeAction(deps, rep, { actionId: other.actionId, until: "2026-03-03" }))).code).toBe("FORBIDDEN");
  });

  it("answers another tenant's action as not found for every procedure, and changes nothing", async () => {
    const a = await tenant();
    const b = await tenant();
    const theirs = await debtorWithAction(b.org, { name: "Theirs", invoices: [{ amountMinor: 10_000, dueDaysAgo: 10 }], channel: "call" });
    const mine = await debtorWithAction(a.org, { name: "Mine", invoices: [{ amountMinor: 10_000, dueDaysAgo: 10 }] });
    const actionId = theirs.actionId;
    const calls = [
      () => snoozeAction(deps, a.cm, { actionId, until: "2026-03-03" }),
      () => snoozeActions(deps, a.cm, { actionIds: [mine.actionId, actionId], until: "2026-03-03" }),
      () => markActionDone(deps, a.cm, { actionId, outcome: "reached" }),
      () => skipAction(deps, a.cm, { actionId, reason: "x" }),
    ];
    for (const call of calls) expect((await caught(call())).code).toBe("NOT_FOUND");
    expect(await names(a.cm)).toEqual(["Mine"]);
    expect(await names(b.cm)).toEqual(["Theirs"]);
  });
});
