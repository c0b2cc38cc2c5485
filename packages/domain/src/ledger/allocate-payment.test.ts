import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePayment, type AllocatableInvoice } from "./allocate-payment.ts";

const invoices: AllocatableInvoice[] = [
  { id: "C", openMinor: 30000, dueDate: "2026-03-31" },
  { id: "A", openMinor: 10000, dueDate: "2026-01-31" },
  { id: "B", openMinor: 25050, dueDate: "2026-02-28" },
];

describe("allocatePayment", () => {
  it("serves the oldest due invoices first", () => {
    // 400.00 = A 100.00 (full) + B 250.50 (full) + C 49.50 (part)
    expect(allocatePayment(40000, invoices, "oldest-first")).toEqual({
      allocations: [
        { invoiceId: "A", amountMinor: 10000 },
        { invoiceId: "B", amountMinor: 25050 },
        { invoiceId: "C", amountMinor: 4950 },
      ],
      unappliedMinor: 0,
    });
  });

  it("serves invoices in the given order", () => {
    expect(allocatePayment(40000, invoices, "as-given")).toEqual({
      allocations: [
        { invoiceId: "C", amountMinor: 30000 },
        { invoiceId: "A", amountMinor: 10000 },
      ],
      unappliedMinor: 0,
    });
  });

  it("leaves an overpayment unapplied and skips credit notes", () => {
    const withCredit = [...invoices, { id: "CN", openMinor: -5000, dueDate: "2025-12-31" }];
    expect(allocatePayment(70000, withCredit, "oldest-first")).toEqual({
      allocations: [
        { invoiceId: "A", amountMinor: 10000 },
        { invoiceId: "B", amountMinor: 25050 },
        { invoiceId: "C", amountMinor: 30000 },
      ],
      unappliedMinor: 4950,
    });
  });

  it("falls back to issue date then to the given order", () => {
    const undated = [
      { id: "X", openMinor: 100 },
      { id: "Y", openMinor: 100, issueDate: "2026-01-01" },
      { id: "Z", openMinor: 100 },
    ];
    expect(allocatePayment(250, undated, "oldest-first").allocations.map((a) => a.invoiceId)).toEqual(["Y", "X", "Z"]);
  });

  it("refuses negative or fractional payments", () => {
    expect(() => allocatePayment(-1, invoices, "as-given")).toThrow(/negative/);
    expect(() => allocatePayment(1.5, invoices, "as-given")).toThrow(/whole number/);
  });

  it("never creates, loses or over-allocates a cent (property)", () => {
    const invoice = fc.record({
      id: fc.uuid(),
      openMinor: fc.integer({ min: -100_000, max: 10_000_000 }),
      dueDate: fc.option(fc.constantFrom("2026-01-31", "2026-02-28", "2026-03-31"), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.array(invoice, { maxLength: 25 }),
        fc.constantFrom("oldest-first", "as-given"),
        (payment, list, strategy) => {
          const result = allocatePayment(payment, list, strategy as "oldest-first" | "as-given");
          const allocated = result.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
          expect(allocated + result.unappliedMinor).toBe(payment);
          expect(result.unappliedMinor).toBeGreaterThanOrEqual(0);
          for (const a of result.allocations) {
            const target = list.find((i) => i.id === a.invoiceId);
            expect(a.amountMinor).toBeGreaterThan(0);
            expect(a.amountMinor).toBeLessThanOrEqual(target!.openMinor);
          }
          const openTotal = list.reduce((sum, i) => sum + Math.max(0, i.openMinor), 0);
          // Something stays unapplied only when every invoice is fully served.
          if (result.unappliedMinor > 0) expect(allocated).toBe(openTotal);
        },
      ),
    );
  });
});
