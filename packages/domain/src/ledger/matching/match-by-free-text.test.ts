import { describe, expect, it } from "vitest";
import { invoicesNamedIn, matchByFreeText } from "./match-by-free-text.ts";
import { CONTEXT, invoice } from "./matching-fixture.ts";

const text = "Factures F-2026-0043 et f-2026-0042, merci";

describe("matchByFreeText (rule 4)", () => {
  it("pays the named invoices in text order", () => {
    // 200.00 + 1200.00 = 1400.00
    expect(matchByFreeText({ amountMinor: 140000, currency: "EUR", unstructured: text }, CONTEXT)).toEqual({
      status: "matched",
      match: {
        kind: "free-text",
        invoiceIds: ["I4", "I3"],
        allocations: [
          { invoiceId: "I4", amountMinor: 20000 },
          { invoiceId: "I3", amountMinor: 120000 },
        ],
        unappliedMinor: 0,
      },
    });
  });

  it("leaves a surplus unapplied but refuses to under-pay the named invoices", () => {
    const over = matchByFreeText({ amountMinor: 150000, currency: "EUR", unstructured: text }, CONTEXT);
    expect(over.status === "matched" && over.match.unappliedMinor).toBe(10000);
    expect(matchByFreeText({ amountMinor: 130000, currency: "EUR", unstructured: text }, CONTEXT)).toEqual({
      status: "none",
      reason: "the invoices named in the free text are open for more than the payment (EUR 1400.00 > EUR 1300.00)",
    });
  });

  it("finds whole tokens only, and no short numbers", () => {
    expect(invoicesNamedIn("Ref F-2026-00420 / XF-2026-0041", CONTEXT.openInvoices)).toEqual([]);
    expect(invoicesNamedIn("Ref F-2026-0040.", CONTEXT.openInvoices).map((i) => i.id)).toEqual(["I1"]);
    const short = [invoice({ id: "S", number: "42" })];
    expect(invoicesNamedIn("Facture 42", short)).toEqual([]);
  });

  it("explains an absence", () => {
    expect(matchByFreeText({ amountMinor: 1, currency: "EUR" }, CONTEXT)).toEqual({ status: "none", reason: "no free text" });
    expect(matchByFreeText({ amountMinor: 1, currency: "EUR", unstructured: "Merci" }, CONTEXT)).toEqual({
      status: "none",
      reason: "no open invoice number in the free text",
    });
    // R-7781 is a CHF invoice
    expect(matchByFreeText({ amountMinor: 150000, currency: "EUR", unstructured: "R-7781" }, CONTEXT).status).toBe("none");
  });
});
