import { withTenant, type Database } from "@relance/db";
import type { ServiceDeps } from "@relance/services";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, daysAgo, openTestDatabase, signInMember, type TestMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequester, expectCode } from "./request-context.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const asMember = async (member: TestMember) => (await createRequester(deps)(await signInMember(deps, member))).api;

/**
 * A tenant as of 2026-03-02: EUR 800.00 issued on 2026-01-31 due 5 days ago (owned by the sales rep), CHF 1,200.00
 * issued on 2026-01-01 due 40 days ago.
 */
const buildTenant = async (label: string) => {
  const org = await buildOrg(deps, { name: `${label} SA` });
  const members = {
    admin: await buildMember(deps, org, "admin"),
    manager: await buildMember(deps, org, "manager"),
    billing: await buildMember(deps, org, "billing"),
    sales: await buildMember(deps, org, "sales"),
  };
  const owned = await addDebtor(deps, org, { name: `${label} Owned`, salesOwnerId: members.sales.userId });
  const swiss = await addDebtor(deps, org, { name: `${label} Swiss`, jurisdiction: "CH" });
  await addInvoices(deps, org, owned, [{ number: `${label}-1`, issueDate: "2026-01-31", dueDate: daysAgo(5), amountMinor: 80_000 }]);
  await addInvoices(deps, org, swiss, [{ number: `${label}-2`, issueDate: "2026-01-01", dueDate: daysAgo(40), amountMinor: 120_000, currency: "CHF" }]);
  return { org, members, owned };
};

describe("kpi procedures", () => {
  it("give the manager (read-only) the figures, filtered by owner, and refuse sales reps", async () => {
    const { members } = await buildTenant("Acme");
    const manager = await asMember(members.manager);
    const all = await manager.kpi.snapshot({ asOf: "2026-03-02", period: { from: "2026-01-01", to: "2026-03-02" } });
    expect(all.currencies.map((c) => [c.currency, c.totalMinor, c.overdueMinor, c.overdueCount])).toEqual([
      ["EUR", 80_000, 80_000, 1],
      ["CHF", 120_000, 120_000, 1],
    ]);
    // 61 days, 800.00 of sales, 800.00 still open and none of it current: DSO 61, BPDSO 0, ADD 61, CEI 0 %
    expect(all.currencies[0]!.dso).toMatchObject({ creditSalesMinor: 80_000, closingArMinor: 80_000, standard: 61, bestPossible: 0, averageDaysDelinquent: 61, cei: 0 });
    const owned = await manager.kpi.snapshot({ asOf: "2026-03-02", filters: { ownerId: members.sales.userId } });
    expect(owned.currencies.map((c) => c.currency)).toEqual(["EUR"]);
    const swiss = await manager.kpi.snapshot({ filters: { jurisdiction: "CH", segment: "b2b", currency: "CHF" } });
    expect(swiss.currencies.map((c) => [c.currency, c.totalMinor])).toEqual([["CHF", 120_000]]);
    expect((await (await asMember(members.billing)).kpi.debtorsAtRisk({})).map((d) => d.name)).toEqual(["Acme Swiss", "Acme Owned"]);
    await expectCode((await asMember(members.sales)).kpi.snapshot({}), "FORBIDDEN");
    await expectCode((await asMember(members.sales)).kpi.debtorsAtRisk({}), "FORBIDDEN");
    await expectCode((await asMember(members.sales)).kpi.disputes({}), "FORBIDDEN");
    expect(await manager.kpi.disputes({ asOf: "2026-03-02" })).toEqual({ period: { from: "2025-12-03", to: "2026-03-02" }, currencies: [] });
    await expectCode((await createRequester(deps)(null)).api.kpi.snapshot({}), "UNAUTHORIZED");
  });

  it("keep every figure inside its tenant", async () => {
    const leftTenant = await buildTenant("Left");
    await withTenant(db.sql, leftTenant.org.id, (tx) => tx`
      insert into timeline_events (org_id, debtor_id, kind, payload, actor_id, occurred_at)
      values (${leftTenant.org.id}, ${leftTenant.owned}, 'call', '{}', ${leftTenant.members.admin.userId}, '2026-03-01T10:00:00Z')`);
    const leftActivity = await (await asMember(leftTenant.members.manager)).kpi.collectors({ from: "2026-03-01", to: "2026-03-02" });
    expect(leftActivity.map((c) => [c.userId, c.actions, c.calls])).toEqual([[leftTenant.members.admin.userId, 1, 1]]);
    const right = await buildTenant("Right");
    const api = await asMember(right.members.admin);
    const snapshot = await api.kpi.snapshot({ asOf: "2026-03-02" });
    expect(snapshot.currencies.map((c) => c.totalMinor)).toEqual([80_000, 120_000]);
    expect((await api.kpi.debtorsAtRisk({ limit: 50 })).every((d) => d.name.startsWith("Right"))).toBe(true);
    expect(await api.kpi.collectors({ from: "2026-03-01", to: "2026-03-02" })).toEqual([]);
    // another tenant's member id as a filter finds nothing rather than leaking
    const left = await buildTenant("Other");
    const foreign = await api.kpi.snapshot({ filters: { ownerId: left.members.sales.userId } });
    expect(foreign.currencies).toEqual([]);
  });

  it("let only an admin change the aging edges, validated, and age by them", async () => {
    const { members } = await buildTenant("Edges");
    await expectCode((await asMember(members.manager)).kpi.setAgingEdges({ edges: [0, 10] }), "FORBIDDEN");
    const admin = await asMember(members.admin);
    await expectCode(admin.kpi.setAgingEdges({ edges: [0, 30, 20] }), "BAD_REQUEST");
    await expectCode(admin.kpi.snapshot({ filters: { ownerId: "somebody" } as never }), "BAD_REQUEST");
    await admin.kpi.setAgingEdges({ edges: [0, 7, 45] });
    const snapshot = await admin.kpi.snapshot({ asOf: "2026-03-02" });
    expect(snapshot.agingEdges).toEqual([0, 7, 45]);
    expect(snapshot.currencies.map((c) => c.aging.map((b) => [b.key, b.openMinor]))).toEqual([
      [["not-due", 0], ["1-7", 80_000], ["8-45", 0], ["over-45", 0]],
      [["not-due", 0], ["1-7", 0], ["8-45", 120_000], ["over-45", 0]],
    ]);
  });
});
