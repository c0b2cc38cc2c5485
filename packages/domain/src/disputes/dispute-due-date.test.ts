import { describe, expect, it } from "vitest";
import { addBusinessDays, isDisputeOverdue } from "./dispute-due-date.ts";
import { spreadCredit } from "./dispute-amounts.ts";

describe("addBusinessDays", () => {
  it("skips weekends: 10 business days from Monday 2 March 2026 is Monday 16 March", () => {
    expect(addBusinessDays("2026-03-02", 10)).toBe("2026-03-16");
    expect(addBusinessDays("2026-03-06", 1)).toBe("2026-03-09"); // Friday → Monday
    expect(addBusinessDays("2026-03-07", 1)).toBe("2026-03-09"); // Saturday → Monday
    expect(addBusinessDays("2026-03-02", 0)).toBe("2026-03-02");
  });

  it("skips given holidays", () => {
    expect(addBusinessDays("2026-04-03", 1, new Set(["2026-04-06"]))).toBe("2026-04-07"); // Easter Monday
  });

  it("refuses a negative or fractional count", () => {
    expect(() => addBusinessDays("2026-03-02", -1)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-03-02", 1.5)).toThrow(RangeError);
  });

  it("is overdue only after the due date", () => {
    expect(isDisputeOverdue("2026-03-16", "2026-03-16")).toBe(false);
    expect(isDisputeOverdue("2026-03-16", "2026-03-17")).toBe(true);
  });
});

describe("spreadCredit", () => {
  const invoices = [
    { id: "b", dueDate: "2026-02-10", openMinor: 30_000 },
    { id: "a", dueDate: "2026-01-10", openMinor: 10_000 },
  ];

  it("credits the oldest invoice first, each up to its open amount", () => {
    expect(spreadCredit(invoices, 25_000)).toEqual([{ invoiceId: "a", amountMinor: 10_000 }, { invoiceId: "b", amountMinor: 15_000 }]);
    expect(spreadCredit(invoices, 40_000)).toEqual([{ invoiceId: "a", amountMinor: 10_000 }, { invoiceId: "b", amountMinor: 30_000 }]);
    expect(spreadCredit(invoices, 5_000)).toEqual([{ invoiceId: "a", amountMinor: 5_000 }]);
  });

  it("refuses more than is open, zero, negatives and fractions", () => {
    expect(() => spreadCredit(invoices, 40_001)).toThrow(RangeError);
    expect(() => spreadCredit(invoices, 0)).toThrow(RangeError);
    expect(() => spreadCredit(invoices, -1)).toThrow(RangeError);
    expect(() => spreadCredit(invoices, 10.5)).toThrow(RangeError);
  });
});
