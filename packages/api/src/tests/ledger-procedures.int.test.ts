import type { Database, OrganizationRow } from "@relance/db";
import type { Role } from "@relance/domain";
import type { ServiceDeps } from "@relance/services";
import {
  addDebtor,
  addInvoices,
  buildDeps,
  buildMember,
  buildOrg,
  daysAgo,
  openTestDatabase,
  signInMember,
  type TestMember,
} from "@relance/services/testing";
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

const asMember = async (member: TestMember) => createRequester(deps)(await signInMember(deps, member));
const fieldPaths = (error: Parameters<typeof describeError>[0]) => describeError(error, null).data.fields.map((f) => f.path).sort();

/** A tenant with two debtors (one owned by its sales rep), a CHF invoice 40 days late and a saved view. */
const buildTenant = async (label: string) => {
  const org: OrganizationRow = await buildOrg(deps, { name: `${label} Holding` });
  const member = (role: Role) => buildMember(deps, org, role);
  const [admin, rep] = [await member("admin"), await member("sales")];
  const owned = await addDebtor(deps, org, { name: `${label} Owned`, salesOwnerId: rep.userId });
  const unowned = await addDebtor(deps, org, { name: `${label} Unowned` });
  await addInvoices(deps, org, owned, [{ number: `${label}-1`, amountMinor: 120_000, currency: "CHF", dueDate: daysAgo(40) }]);
  await addInvoices(deps, org, unowned, [{ number: `${label}-2`, amountMinor: 80_000, dueDate: daysAgo(5) }]);
  const { api } = await asMember(admin);
  const view = await api.views.save({ page: "invoices", name: `${label} view`, filters: { currency: "CHF" } });
  return { org, admin, rep, owned, unowned, viewId: view.id };
};

describe("ledger procedures", () => {
  it("refuse every caller without a session", async () => {
    const { api } = await createRequester(deps)(null);
    const calls = [
      () => api.debtors.list({}),
      () => api.debtors.get({ debtorId: crypto.randomUUID() }),
      () => api.debtors.timeline({ debtorId: crypto.randomUUID() }),
      () => api.debtors.addContact({ debtorId: crypto.randomUUID(), contact: { name: "x", role: "buyer", preferredChannel: "letter" } }),
      () => api.debtors.updateContact({ debtorId: crypto.randomUUID(), contactId: crypto.randomUUID(), contact: { name: "x", role: "buyer", preferredChannel: "letter" } }),
      () => api.debtors.removeContact({ debtorId: crypto.randomUUID(), contactId: crypto.randomUUID() }),
      () => api.debtors.assignOwner({ debtorId: crypto.randomUUID(), salesOwnerId: null }),
      () => api.debtors.setCreditLimit({ debtorId: crypto.randomUUID(), creditLimitMinor: null }),
      () => api.debtors.owners(),
      () => api.invoices.list({}),
      () => api.views.list({ page: "invoices" }),
      () => api.views.save({ page: "invoices", name: "x", filters: {} }),
      () => api.views.delete({ viewId: crypto.randomUUID() }),
    ];
    for (const call of calls) await expectCode(call(), "UNAUTHORIZED");
  });

  it("list, open and filter a tenant's own book", async () => {
    const t = await buildTenant("Own");
    const { api } = await asMember(t.admin);
    const debtors = await api.debtors.list({ sort: "overdueDesc" });
    expect(debtors.rows.map((d) => d.name)).toEqual(["Own Owned", "Own Unowned"]);
    const detail = await api.debtors.get({ debtorId: t.owned });
    expect(detail.aging).toEqual([
      {
        currency: "CHF",
        totalMinor: 120_000,
        itemCount: 1,
        buckets: [
          { bucket: "not_due", totalMinor: 0, itemCount: 0 },
          { bucket: "1_30", totalMinor: 0, itemCount: 0 },
          { bucket: "31_60", totalMinor: 120_000, itemCount: 1 },
          { bucket: "61_90", totalMinor: 0, itemCount: 0 },
          { bucket: "over_90", totalMinor: 0, itemCount: 0 },
        ],
      },
    ]);
    const invoices = await api.invoices.list({ filters: { bucket: "31_60", currency: "CHF", sort: "openMinor", direction: "desc" } });
    expect(invoices.rows.map((i) => [i.number, i.daysPastDue, i.status])).toEqual([["Own-1", 40, "open"]]);
    expect((await api.views.list({ page: "invoices" })).map((v) => [v.name, v.filters.currency])).toEqual([["Own view", "CHF"]]);
  });

  it("keep a sales rep to the debtors he owns", async () => {
    const t = await buildTenant("Rep");
    const { api } = await asMember(t.rep);
    expect((await api.debtors.list({})).rows.map((d) => d.name)).toEqual(["Rep Owned"]);
    expect((await api.invoices.list({})).rows.map((i) => i.number)).toEqual(["Rep-1"]);
    expect((await api.debtors.get({ debtorId: t.owned })).debtor.name).toBe("Rep Owned");
    await expectCode(api.debtors.get({ debtorId: t.unowned }), "NOT_FOUND");
    expect(await api.debtors.timeline({ debtorId: t.owned })).toEqual({ events: [], nextBefore: null });
    await expectCode(api.debtors.timeline({ debtorId: t.unowned }), "NOT_FOUND");
    // he reads his debtors' contacts; the ledger keepers change them
    await expectCode(api.debtors.addContact({ debtorId: t.owned, contact: { name: "M. Blanc", role: "buyer", preferredChannel: "letter" } }), "FORBIDDEN");
    expect((await api.debtors.owners()).map((o) => o.userId)).toEqual([t.rep.userId]);
  });

  it("never show one tenant's debtors, invoices, owners or views to another", async () => {
    const alpha = await buildTenant("Alphaledger");
    const bravo = await buildTenant("Bravoledger");
    for (const [self, other] of [[alpha, bravo], [bravo, alpha]] as const) {
      const { api } = await asMember(self.admin);
      const seen = JSON.stringify({
        debtors: await api.debtors.list({ pageSize: 200 }),
        searched: await api.debtors.list({ search: "ledger" }),
        overdue: await api.debtors.list({ overdueOnly: true, sort: "openDesc" }),
        invoices: await api.invoices.list({ filters: { statuses: [] }, pageSize: 200 }),
        found: await api.invoices.list({ filters: { search: "ledger" } }),
        owners: await api.debtors.owners(),
        views: await api.views.list({ page: "invoices" }),
        detail: await api.debtors.get({ debtorId: self.owned }),
      });
      const otherLabel = other === alpha ? "Alphaledger" : "Bravoledger";
      expect(seen).not.toContain(otherLabel);
      for (const id of [other.owned, other.unowned, other.rep.userId, other.viewId]) expect(seen).not.toContain(id);
      await expectCode(api.debtors.get({ debtorId: other.owned }), "NOT_FOUND");
      await expectCode(api.debtors.timeline({ debtorId: other.owned }), "NOT_FOUND");
      await expectCode(api.views.delete({ viewId: other.viewId }), "NOT_FOUND");
      expect((await api.invoices.list({ filters: { debtorId: other.owned } })).total).toBe(0);
    }
  });

  it("answer invalid input with BAD_REQUEST naming the fields", async () => {
    const t = await buildTenant("Invalid");
    const { api } = await asMember(t.admin);
    const badId = await expectCode(api.debtors.get({ debtorId: "not-an-id" }), "BAD_REQUEST");
    expect(fieldPaths(badId)).toEqual(["debtorId"]);
    const badPage = await expectCode(api.debtors.timeline({ debtorId: t.owned, before: "latest", limit: 500 }), "BAD_REQUEST");
    expect(fieldPaths(badPage)).toEqual(["before", "limit"]);
    const badList = await expectCode(
      api.invoices.list({ filters: { statuses: ["late" as "open"], minOpenMinor: 0.5 }, pageSize: 1000 }),
      "BAD_REQUEST",
    );
    expect(fieldPaths(badList)).toEqual(["filters.minOpenMinor", "filters.statuses.0", "pageSize"]);
    const badRange = await expectCode(api.invoices.list({ filters: { minOpenMinor: 9, maxOpenMinor: 1 } }), "BAD_REQUEST");
    expect(fieldPaths(badRange)).toEqual(["filters.maxOpenMinor"]);
    const badDebtors = await expectCode(api.debtors.list({ sort: "size" as "name", segment: "b2g" as "b2b" }), "BAD_REQUEST");
    expect(fieldPaths(badDebtors)).toEqual(["segment", "sort"]);
    const badView = await expectCode(
      api.views.save({ page: "invoices", name: "", filters: { bucket: "2_weeks" as "1_30", currency: "USD" as "EUR" } }),
      "BAD_REQUEST",
    );
    expect(fieldPaths(badView)).toEqual(["filters.bucket", "filters.currency", "name"]);
    await expectCode(api.views.list({ page: "cases" as "invoices" }), "BAD_REQUEST");
  });
});
