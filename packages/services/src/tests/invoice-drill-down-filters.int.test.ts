import type { Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listInvoicesPage } from "../ledger/list-invoices.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, daysAgo, openTestDatabase } from "../testing/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

describe("invoice filters behind the dashboard's drill-downs", () => {
  it("select by the debtor's segment and jurisdiction, and overdue items only", async () => {
    const { deps } = buildDeps(db);
    const org = await buildOrg(deps);
    const manager = await buildMember(deps, org, "manager");
    const shop = await addDebtor(deps, org, { segment: "b2c", jurisdiction: "FR" });
    const swiss = await addDebtor(deps, org, { segment: "b2b", jurisdiction: "CH" });
    await addInvoices(deps, org, shop, [
      { number: "C-LATE", dueDate: daysAgo(1), amountMinor: 100 },
      { number: "C-TODAY", dueDate: daysAgo(0), amountMinor: 200 },
    ]);
    await addInvoices(deps, org, swiss, [{ number: "S-LATE", dueDate: daysAgo(40), amountMinor: 300, currency: "CHF" }]);
    const numbers = async (filters: Record<string, unknown>) => (await listInvoicesPage(deps, manager, filters)).rows.map((r) => r.number).sort();
    expect(await numbers({ segment: "b2c" })).toEqual(["C-LATE", "C-TODAY"]);
    expect(await numbers({ jurisdiction: "CH" })).toEqual(["S-LATE"]);
    // due today is not overdue yet (0 days past due)
    expect(await numbers({ overdue: true })).toEqual(["C-LATE", "S-LATE"]);
    expect(await numbers({ overdue: true, segment: "b2c" })).toEqual(["C-LATE"]);
    expect(await numbers({ overdue: true, bucket: "31_60" })).toEqual(["S-LATE"]);
    await expect(listInvoicesPage(deps, manager, { segment: "b2x" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
