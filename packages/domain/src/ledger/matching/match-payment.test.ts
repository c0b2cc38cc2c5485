import { describe, expect, it } from "vitest";
import { matchPayment } from "./match-payment.ts";
import { CONTEXT, invoice } from "./matching-fixture.ts";
import type { MatchablePayment, MatchingContext } from "./matching-types.ts";

describe("matchPayment precedence", () => {
  // Every rule could match something in this payment; each step removes what made the earlier rule match.
  const everything: MatchablePayment = {
    amountMinor: 45000,
    currency: "EUR",
    structuredRef: "RF18000000000539007547034", // I3
    debtorName: "Boulangerie Dupont", // I2 is open for 450.00
    unstructured: "F-2026-0040", // I1
  };

  it("1. reference first", () => {
    expect(matchPayment(everything, CONTEXT)).toMatchObject({ kind: "reference", invoiceIds: ["I3"], allocations: [{ invoiceId: "I3", amountMinor: 45000 }] });
  });

  it("2. then amount and payer", () => {
    expect(matchPayment({ ...everything, structuredRef: null }, CONTEXT)).toMatchObject({ kind: "amount-payer", invoiceIds: ["I2"] });
  });

  it("3. then a combination", () => {
    expect(matchPayment({ ...everything, structuredRef: null, amountMinor: 75000 }, CONTEXT)).toMatchObject({ kind: "combination", invoiceIds: ["I1", "I2"] });
  });

  it("4. then the free text", () => {
    expect(matchPayment({ ...everything, structuredRef: null, debtorName: "Unknown", amountMinor: 75000 }, CONTEXT)).toEqual({
      kind: "free-text",
      invoiceIds: ["I1"],
      allocations: [{ invoiceId: "I1", amountMinor: 30000 }],
      unappliedMinor: 45000,
    });
  });

  it("otherwise unmatched, with every rule's reason", () => {
    expect(matchPayment({ amountMinor: 12345, currency: "EUR", debtorName: "Unknown" }, CONTEXT)).toEqual({
      kind: "unmatched",
      reason: "no rule matched",
      attempts: [
        { rule: "reference", reason: "no structured reference" },
        { rule: "amount-payer", reason: "payer not recognised by IBAN or name" },
        { rule: "combination", reason: "payer not recognised by IBAN or name" },
        { rule: "free-text", reason: "no free text" },
      ],
    });
  });

  it("an ambiguous combination stays unmatched unless the text names the invoices", () => {
    const context: MatchingContext = {
      ...CONTEXT,
      openInvoices: [100, 200, 300, 400].map((openMinor, i) => invoice({ id: `X${i}`, number: `INV-000${i}`, openMinor })),
    };
    const payment: MatchablePayment = { amountMinor: 500, currency: "EUR", debtorName: "Dupont Boulangerie SAS" };
    expect(matchPayment(payment, context)).toMatchObject({ kind: "unmatched", reason: "several combinations of open invoices sum to EUR 5.00" });
    expect(matchPayment({ ...payment, unstructured: "INV-0001 INV-0002" }, context)).toMatchObject({ kind: "free-text", invoiceIds: ["X1", "X2"] });
  });

  it("never matches across currencies or on outgoing amounts", () => {
    expect(matchPayment({ ...everything, currency: "CHF" }, CONTEXT).kind).toBe("unmatched");
    expect(matchPayment({ ...everything, amountMinor: 0 }, CONTEXT)).toEqual({ kind: "unmatched", reason: "not an incoming amount", attempts: [] });
  });

  it("is deterministic", () => {
    const shuffled = { ...CONTEXT, openInvoices: [...CONTEXT.openInvoices].reverse() };
    expect(matchPayment({ ...everything, structuredRef: null, amountMinor: 75000 }, shuffled)).toEqual(
      matchPayment({ ...everything, structuredRef: null, amountMinor: 75000 }, CONTEXT),
    );
  });
});
