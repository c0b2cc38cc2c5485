import { describe, expect, it } from "vitest";
import { matchByReference } from "./match-by-reference.ts";
import { CONTEXT, invoice } from "./matching-fixture.ts";

describe("matchByReference (rule 1)", () => {
  it("matches an RF reference written differently", () => {
    expect(matchByReference({ amountMinor: 120000, currency: "EUR", structuredRef: "RF18000000000539007547034" }, CONTEXT)).toEqual({
      status: "matched",
      match: { kind: "reference", invoiceIds: ["I3"], allocations: [{ invoiceId: "I3", amountMinor: 120000 }], unappliedMinor: 0 },
    });
  });

  it("matches a QRR, allowing partial and over-payment", () => {
    const partial = matchByReference({ amountMinor: 100000, currency: "CHF", structuredRef: "210000000003139471430009017" }, CONTEXT);
    expect(partial.status === "matched" && partial.match).toMatchObject({ allocations: [{ invoiceId: "I5", amountMinor: 100000 }], unappliedMinor: 0 });
    const over = matchByReference({ amountMinor: 160000, currency: "CHF", structuredRef: "21 00000 00003 13947 14300 09017" }, CONTEXT);
    expect(over.status === "matched" && over.match).toMatchObject({ allocations: [{ invoiceId: "I5", amountMinor: 150000 }], unappliedMinor: 10000 });
  });

  it("matches an invoice number used as structured reference", () => {
    const outcome = matchByReference({ amountMinor: 45000, currency: "EUR", structuredRef: "f-2026-0041" }, CONTEXT);
    expect(outcome.status === "matched" && outcome.match.invoiceIds).toEqual(["I2"]);
  });

  it("requires the same currency and something open", () => {
    expect(matchByReference({ amountMinor: 1000, currency: "EUR", structuredRef: "210000000003139471430009017" }, CONTEXT)).toEqual({
      status: "none",
      reason: "no open EUR invoice has reference 210000000003139471430009017",
    });
    expect(matchByReference({ amountMinor: 1000, currency: "EUR", structuredRef: "AV-0001" }, CONTEXT).status).toBe("none");
    expect(matchByReference({ amountMinor: 1000, currency: "EUR", structuredRef: " " }, CONTEXT)).toEqual({ status: "none", reason: "no structured reference" });
  });

  it("does not choose between invoices sharing a reference", () => {
    const context = { ...CONTEXT, openInvoices: [invoice({ id: "A", paymentReference: "RF18539007547034" }), invoice({ id: "B", paymentReference: "RF18539007547034" })] };
    expect(matchByReference({ amountMinor: 10000, currency: "EUR", structuredRef: "RF18539007547034" }, context)).toEqual({
      status: "ambiguous",
      reason: "reference RF18539007547034 names 2 open invoices",
    });
  });
});
