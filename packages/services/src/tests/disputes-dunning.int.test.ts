import { enqueueJob, withTenant, type Database, type OrganizationRow } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { dailyJobKey, runDueJobs } from "../collection/dunning-scheduler.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { sendDueActions } from "../collection/send-due-actions.ts";
import { listMyDay } from "../cases/worklist.ts";
import { openDispute } from "../disputes/open-dispute.ts";
import { getDispute } from "../disputes/get-dispute.ts";
import { resolveDispute } from "../disputes/resolve-dispute.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caseWithInvoices, invoiceState, reasonId } from "./disputes-fixtures.ts";

const AS_OF = "2026-03-02";
const MONDAY_10H_PARIS = new Date("2026-03-02T09:00:00Z");

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, MONDAY_10H_PARIS));
});
afterAll(async () => db.close());

const plannedInvoices = async (org: OrganizationRow) =>
  withTenant(db.sql, org.id, async (tx) =>
    (await tx<{ number: string; status: string }[]>`
      select i.number, a.status from dunning_action_invoices x join invoices i on i.id = x.invoice_id join dunning_actions a on a.id = x.action_id
      order by i.number`).map((r) => `${r.number}:${r.status}`));

describe("disputes hold dunning", () => {
  it("the planner skips a disputed invoice at once and plans it again once the dispute is rejected", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const { caseId, invoiceIds } = await caseWithInvoices(deps, org, [
      { number: "D-1", dueDate: "2026-02-20", amountMinor: 10_000 },
      { number: "D-2", dueDate: "2026-02-20", amountMinor: 20_000 },
    ]);
    const { disputeId } = await openDispute(deps, cm, { caseId, invoiceIds: [invoiceIds["D-1"]], reasonId: await reasonId(deps, cm) });

    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions.flatMap((a) => a.invoices.map((i) => i.number))).toEqual(["D-2"]);
    expect(plan.skipped.disputed).toBe(1);

    await resolveDispute(deps, cm, { disputeId, resolution: "rejected", note: "Price as agreed in the contract" });
    const after = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(after.actions.flatMap((a) => a.invoices.map((i) => i.number))).toEqual(["D-1"]);
    expect(after.skipped.disputed).toBeUndefined();
  });

  it("a reminder planned before the dispute is not sent while it lasts, and goes out after a partial credit", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const { caseId, invoiceIds } = await caseWithInvoices(deps, org, [{ number: "S-1", dueDate: "2026-02-20", amountMinor: 50_000 }]);
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions).toHaveLength(1);

    expect((await listMyDay(deps, cm)).rows.map((r) => [r.kind, r.amountAtRiskMinor])).toEqual([["action", 50_000]]);
    const { disputeId } = await openDispute(deps, cm, { caseId, invoiceIds: [invoiceIds["S-1"]], reasonId: await reasonId(deps, cm, "quality"), disputedMinor: 20_000 });
    expect(await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS })).toMatchObject({ sent: 0, failed: 0 });
    expect(await plannedInvoices(org)).toEqual(["S-1:planned"]);
    // held, so not on anyone's day either
    expect((await listMyDay(deps, cm)).rows).toEqual([]);

    await resolveDispute(deps, cm, { disputeId, resolution: "partial", creditedMinor: 5_000 });
    expect(await invoiceState(deps, org, invoiceIds["S-1"]!)).toEqual({ openMinor: 45_000, amountMinor: 50_000 });
    expect(await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS })).toMatchObject({ sent: 1 });
    expect(await plannedInvoices(org)).toEqual(["S-1:sent"]);
  });

  it("a reminder over a disputed and an undisputed invoice goes out demanding only the undisputed one", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const { caseId, invoiceIds } = await caseWithInvoices(deps, org, [
      { number: "M-1", dueDate: "2026-02-20", amountMinor: 10_000 },
      { number: "M-2", dueDate: "2026-02-20", amountMinor: 20_000 },
    ]);
    await planDunning(deps, org.id, { asOf: AS_OF });
    await openDispute(deps, cm, { caseId, invoiceIds: [invoiceIds["M-2"]], reasonId: await reasonId(deps, cm) });
    // the day shows what the reminder will demand: the undisputed invoice only
    expect((await listMyDay(deps, cm)).rows.map((r) => [r.invoiceCount, r.amountAtRiskMinor])).toEqual([[1, 10_000]]);
    expect(await sendDueActions(deps, org.id, { now: MONDAY_10H_PARIS })).toMatchObject({ sent: 1 });
    const [body] = await withTenant(db.sql, org.id, (tx) => tx<{ body: string }[]>`select body from outbox_messages`);
    expect(body!.body).toContain("M-1");
    expect(body!.body).not.toContain("M-2");
  });

  it("the daily job escalates an overdue dispute, and its invoice stays held", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const { caseId, invoiceIds } = await caseWithInvoices(deps, org, [{ number: "J-1", dueDate: "2026-02-20", amountMinor: 10_000 }]);
    const { disputeId } = await openDispute(deps, cm, { caseId, invoiceIds: [invoiceIds["J-1"]], reasonId: await reasonId(deps, cm), dueDate: "2026-03-04" });
    const runAt = new Date("2026-03-10T06:00:00Z");
    await enqueueJob(db.sql, { orgId: org.id, kind: "dunning.daily", runAt, dedupeKey: dailyJobKey(org.id, "2026-03-10"), payload: { date: "2026-03-10" } });
    await runDueJobs(deps, { now: runAt, workerId: "disputes" });
    const d = await getDispute(deps, cm, { disputeId });
    expect(d.escalatedAt).not.toBeNull();
    expect(await plannedInvoices(org)).toEqual([]);
    const alerts = await withTenant(db.sql, org.id, (tx) => tx<{ dedupeKey: string }[]>`select dedupe_key as "dedupeKey" from alerts where kind = 'dispute_overdue'`);
    expect(alerts).toEqual([{ dedupeKey: `dispute-overdue:${disputeId}:2026-03-04` }]);
  });
});
