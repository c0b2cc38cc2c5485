import { findKpiRollupDrift, withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeDisputeStatus, listReasons, openDispute, resolveDispute } from "../disputes/index.ts";
import { getDisputeKpis } from "../kpi/kpi-disputes.ts";
import { addInvoices, buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

const DAY = 86_400_000;

describe("dispute KPIs", () => {
  it("count, amount, age, funnel, reasons, time waiting per party and resolution within SLA; credit notes keep the rollups exact", async () => {
    const { deps, clock } = buildDeps(db, new Date("2026-03-02T09:00:00Z"));
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const manager = await buildMember(deps, org, "manager");
    const { caseId, debtorId } = await buildCase(deps, org);
    const ids = await addInvoices(deps, org, debtorId, [
      { number: "D-1", issueDate: "2026-01-01", dueDate: "2026-02-01", amountMinor: 50_000 },
      { number: "D-2", issueDate: "2026-01-05", dueDate: "2026-02-05", amountMinor: 30_000 },
    ]);
    const [reason] = await listReasons(deps, cm);
    const first = await openDispute(deps, cm, { caseId, invoiceIds: [ids["D-1"]!], reasonId: reason!.id, dueDate: "2026-03-20" });
    const second = await openDispute(deps, cm, { caseId, invoiceIds: [ids["D-2"]!], reasonId: reason!.id, dueDate: "2026-03-04" });
    await changeDisputeStatus(deps, cm, { disputeId: first.disputeId, status: "waiting_billing" });
    clock.advance(DAY);
    await changeDisputeStatus(deps, cm, { disputeId: first.disputeId, status: "investigating" });
    clock.advance(2 * DAY);
    await changeDisputeStatus(deps, cm, { disputeId: second.disputeId, status: "waiting_sales" });
    // the first is settled by a credit note of its whole amount, within its SLA date
    await resolveDispute(deps, cm, { disputeId: first.disputeId, resolution: "credit_note" });
    clock.advance(DAY); // 2026-03-06: the second is 2 days past its SLA date

    const kpis = await getDisputeKpis(deps, manager, { asOf: "2026-03-06", period: { from: "2026-03-01", to: "2026-03-06" } });
    expect(kpis.currencies).toHaveLength(1);
    const eur = kpis.currencies[0]!;
    expect(eur).toMatchObject({ currency: "EUR", openCount: 1, openMinor: 30_000, averageAgeDays: 4, oldestAgeDays: 4, overdueCount: 1 });
    expect(eur).toMatchObject({ resolvedInPeriod: 1, resolvedInSla: 1, resolvedInSlaRate: 100 });
    expect(eur.byStatus.map((s) => [s.status, s.count, s.amountMinor]).sort()).toEqual([["resolved", 1, 50_000], ["waiting_sales", 1, 30_000]]);
    expect(eur.byReason).toEqual([expect.objectContaining({ code: reason!.code, count: 2, amountMinor: 80_000 })]);
    const days = new Map(eur.daysByStatus.map((s) => [s.status, s.days]));
    expect(days.get("waiting_billing")).toBe(1);
    expect(days.get("investigating")).toBe(2);

    // the credit note moved open amounts: the rollups still equal a recompute
    expect(await withTenant(db.sql, org.id, (tx) => findKpiRollupDrift(tx))).toEqual([]);
    const [open] = await withTenant(db.sql, org.id, (tx) => tx<{ rollup: number; credited: number }[]>`
      select (select sum(open_minor) from kpi_open_rollup where all_owners)::int as rollup,
             (select open_minor from invoices where id = ${ids["D-1"]!})::int as credited`);
    expect(open!.credited).toBe(0);
    const [ledger] = await withTenant(db.sql, org.id, (tx) => tx<{ n: number }[]>`select sum(open_minor)::int as n from invoices`);
    expect(open!.rollup).toBe(ledger!.n);
  });
});
