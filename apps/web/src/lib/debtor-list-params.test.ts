import { describe, expect, it } from "vitest";
import { DEFAULT_DEBTOR_VIEW, readDebtorView, writeDebtorView, type DebtorListView } from "./debtor-list-params.ts";

describe("debtor list in the query string", () => {
  it("round-trips every filter, the sort and the page", () => {
    const view: DebtorListView = {
      search: "Lilas",
      sort: "overdueDesc",
      segment: "b2c",
      jurisdiction: "CH",
      ownerId: "0b3f4a9e-52c6-4a5d-95a8-e32aa69dd7e7",
      overdueOnly: true,
      overLimitOnly: true,
    };
    expect(readDebtorView(writeDebtorView(view, 3))).toEqual({ view, page: 3 });
    expect(writeDebtorView(DEFAULT_DEBTOR_VIEW).toString()).toBe("");
  });

  it("falls back to the defaults on what does not parse", () => {
    const { view, page } = readDebtorView(new URLSearchParams("sort=size&segment=b2g&jurisdiction=DE&owner=x&overdue=yes&overLimit=true&page=zero"));
    expect(view).toEqual(DEFAULT_DEBTOR_VIEW);
    expect(page).toBe(0);
  });
});
