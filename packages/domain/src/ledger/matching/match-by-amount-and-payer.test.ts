import { describe, expect, it } from "vitest";
import { matchByAmountAndPayer } from "./match-by-amount-and-payer.ts";
import { CONTEXT, invoice } from "./matching-fixture.ts";

describe("matchByAmountAndPayer (rule 2)", () => {
  it("matches the payer's one invoice open for the amount, by name", () => {
    // I7 of Martin Sàrl is also open for 450.00, but the payer is Dupont
    expect(matchByAmountAndPayer({ amountMinor: 45000, currency: "EUR", debtorName: "BOULANGERIE DUPONT" }, CONTEXT)).toEqual({
      status: "matched",
      match: { kind: "amount-payer", invoiceIds: ["I2"], allocations: [{ invoiceId: "I2", amountMinor: 45000 }], unappliedMinor: 0 },
    });
  });

  it("matches by a known IBAN whatever the name", () => {
    const outcome = matchByAmountAndPayer({ amountMinor: 45000, currency: "EUR", debtorName: "M. et Mme Dupont", debtorIban: "FR1420041010050500013M02606" }, CONTEXT);
    expect(outcome.status === "matched" && outcome.match.invoiceIds).toEqual(["I2"]);
    const martin = matchByAmountAndPayer({ amountMinor: 45000, currency: "EUR", debtorName: "MARTIN SARL" }, CONTEXT);
    expect(martin.status === "matched" && martin.match.invoiceIds).toEqual(["I7"]);
  });

  it("explains why nothing matched", () => {
    expect(matchByAmountAndPayer({ amountMinor: 45000, currency: "EUR", debtorName: "Someone Else" }, CONTEXT)).toEqual({
      status: "none",
      reason: "payer not recognised by IBAN or name",
    });
    expect(matchByAmountAndPayer({ amountMinor: 44999, currency: "EUR", debtorName: "Dupont Boulangerie" }, CONTEXT).status).toBe("none");
    expect(matchByAmountAndPayer({ amountMinor: 45000, currency: "CHF", debtorName: "Boulangerie Dupont" }, CONTEXT)).toEqual({
      status: "none",
      reason: "no open invoice of the payer is open for CHF 450.00",
    });
  });

  it("does not choose between two invoices of the same amount", () => {
    const context = { ...CONTEXT, openInvoices: [invoice({ id: "A", openMinor: 500 }), invoice({ id: "B", openMinor: 500 })] };
    expect(matchByAmountAndPayer({ amountMinor: 500, currency: "EUR", debtorName: "Boulangerie Dupont" }, context)).toEqual({
      status: "ambiguous",
      reason: "2 open invoices of the payer are open for EUR 5.00",
    });
  });
});
