import { describe, expect, it } from "vitest";
import type { InvoiceView } from "./api-types.ts";
import { DEFAULT_INVOICE_VIEW, readInvoiceView, sortedBy, writeInvoiceView } from "./invoice-view-params.ts";

const OWNER = "0b3f4a9e-52c6-4a5d-95a8-e32aa69dd7e7";

describe("invoice view in the query string", () => {
  it("reads an empty query string as the default view, first page", () => {
    expect(readInvoiceView(new URLSearchParams())).toEqual({ view: DEFAULT_INVOICE_VIEW, page: 0 });
    expect(writeInvoiceView(DEFAULT_INVOICE_VIEW).toString()).toBe("");
  });

  it("writes and reads back every filter, the sort and the page", () => {
    const view: InvoiceView = {
      statuses: ["open", "paid"],
      bucket: "31_60",
      ownerId: OWNER,
      currency: "CHF",
      segment: "b2c",
      jurisdiction: "CH",
      overdue: true,
      minOpenMinor: 150_000,
      maxOpenMinor: 900_000,
      debtorId: null,
      search: "FA-2026",
      sort: "openMinor",
      direction: "desc",
    };
    const params = writeInvoiceView(view, 2);
    expect(params.toString()).toBe(
      `status=open%2Cpaid&bucket=31_60&owner=${OWNER}&currency=CHF&segment=b2c&jurisdiction=CH&overdue=1&min=150000&max=900000&q=FA-2026&sort=openMinor&dir=desc&page=3`,
    );
    expect(readInvoiceView(params)).toEqual({ view, page: 2 });
  });

  it("keeps 'every status' apart from the default statuses", () => {
    const all = writeInvoiceView({ ...DEFAULT_INVOICE_VIEW, statuses: [] });
    expect(all.toString()).toBe("status=all");
    expect(readInvoiceView(all).view.statuses).toEqual([]);
  });

  it("ignores what does not parse", () => {
    const { view, page } = readInvoiceView(
      new URLSearchParams("status=late,open,open&bucket=2_weeks&owner=42&currency=USD&min=1.5&max=-3&sort=size&dir=up&page=-2&q=%20%20"),
    );
    expect(view).toEqual({ ...DEFAULT_INVOICE_VIEW, statuses: ["open"], maxOpenMinor: -3 });
    expect(page).toBe(0);
    expect(readInvoiceView(new URLSearchParams("min=500&max=100")).view).toMatchObject({ minOpenMinor: 500, maxOpenMinor: null });
  });

  it("flips the direction of the sorted column and starts another column in its natural direction", () => {
    const byOpen = sortedBy(DEFAULT_INVOICE_VIEW, "openMinor");
    expect([byOpen.sort, byOpen.direction]).toEqual(["openMinor", "desc"]);
    expect(sortedBy(byOpen, "openMinor").direction).toBe("asc");
    expect(sortedBy(DEFAULT_INVOICE_VIEW, "dueDate").direction).toBe("desc");
  });
});
