import { describe, expect, it } from "vitest";
import { invoicesUrlFor } from "./kpi-drill-down.ts";

const OWNER = "0b6c1c2e-6f2a-4a53-9a57-2b1f8f0f4c11";

describe("drill-down from a dashboard figure", () => {
  it("opens the invoices of a default aging bucket, currency and owner", () => {
    expect(invoicesUrlFor({ currency: "EUR", ownerId: OWNER, slice: "31-60" })).toBe(`/invoices?bucket=31_60&owner=${OWNER}&currency=EUR`);
    expect(invoicesUrlFor({ currency: "CHF", ownerId: null, slice: "not-due" })).toBe("/invoices?bucket=not_due&currency=CHF");
  });
  it("orders by days past due for overdue figures and for a tenant's own buckets", () => {
    expect(invoicesUrlFor({ currency: "EUR", ownerId: null, slice: "overdue" })).toBe("/invoices?currency=EUR&overdue=1&sort=daysPastDue&dir=desc");
    expect(invoicesUrlFor({ currency: "CHF", ownerId: null, segment: "b2c", jurisdiction: "CH", slice: null })).toBe("/invoices?currency=CHF&segment=b2c&jurisdiction=CH");
    expect(invoicesUrlFor({ currency: null, ownerId: "none", slice: "8-45" })).toBe("/invoices?sort=daysPastDue&dir=desc");
  });
  it("opens every open item for a total", () => {
    expect(invoicesUrlFor({ currency: null, ownerId: null, slice: null })).toBe("/invoices");
  });
});
