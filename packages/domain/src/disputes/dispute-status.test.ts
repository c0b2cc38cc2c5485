import { describe, expect, it } from "vitest";
import { allowedDisputeTransitions, mayResolveDispute, waitingPartyOf } from "./dispute-status.ts";

describe("dispute transitions", () => {
  it("lets the dispute roles move an open dispute anywhere but back to open or to resolved", () => {
    for (const role of ["admin", "credit_manager", "billing"] as const) {
      expect(allowedDisputeTransitions("open", role)).toEqual(["investigating", "waiting_sales", "waiting_billing", "waiting_customer"]);
      expect(allowedDisputeTransitions("waiting_sales", role)).toEqual(["investigating", "waiting_billing", "waiting_customer"]);
      expect(allowedDisputeTransitions("investigating", role)).not.toContain("investigating");
    }
  });

  it("lets a sales rep take a dispute for investigation or hand it to billing or the customer, never to himself", () => {
    expect(allowedDisputeTransitions("waiting_sales", "sales")).toEqual(["investigating", "waiting_billing", "waiting_customer"]);
    expect(allowedDisputeTransitions("investigating", "sales")).toEqual(["waiting_billing", "waiting_customer"]);
    expect(allowedDisputeTransitions("waiting_billing", "sales")).not.toContain("waiting_sales");
  });

  it("gives managers nothing, and nobody anything once resolved", () => {
    expect(allowedDisputeTransitions("open", "manager")).toEqual([]);
    for (const role of ["admin", "credit_manager", "billing", "sales", "manager"] as const) expect(allowedDisputeTransitions("resolved", role)).toEqual([]);
  });

  it("only the dispute roles resolve, and only an unresolved dispute", () => {
    expect(mayResolveDispute("waiting_customer", "credit_manager")).toBe(true);
    expect(mayResolveDispute("open", "billing")).toBe(true);
    expect(mayResolveDispute("waiting_customer", "sales")).toBe(false);
    expect(mayResolveDispute("investigating", "manager")).toBe(false);
    expect(mayResolveDispute("resolved", "admin")).toBe(false);
  });

  it("maps waiting statuses to their party", () => {
    expect([waitingPartyOf("waiting_sales"), waitingPartyOf("waiting_billing"), waitingPartyOf("waiting_customer"), waitingPartyOf("investigating")]).toEqual(["sales", "billing", "customer", null]);
  });
});
