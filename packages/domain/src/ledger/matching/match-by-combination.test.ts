import { describe, expect, it } from "vitest";
import { findCombinations, matchByCombination } from "./match-by-combination.ts";
import { CONTEXT, invoice } from "./matching-fixture.ts";
import type { MatchingContext } from "./matching-types.ts";

const dupont = { currency: "EUR", debtorName: "Boulangerie Dupont" } as const;

describe("matchByCombination (rule 3)", () => {
  it("finds the one combination of the payer's invoices", () => {
    // 300.00 + 450.00 = 750.00 (I1 + I2); no other 2–4 subset of 300, 450, 1200, 200 makes 750
    expect(matchByCombination({ amountMinor: 75000, ...dupont }, CONTEXT)).toEqual({
      status: "matched",
      match: {
        kind: "combination",
        invoiceIds: ["I1", "I2"],
        allocations: [
          { invoiceId: "I1", amountMinor: 30000 },
          { invoiceId: "I2", amountMinor: 45000 },
        ],
        unappliedMinor: 0,
      },
    });
    // 300 + 450 + 200 = 950
    const three = matchByCombination({ amountMinor: 95000, ...dupont }, CONTEXT);
    expect(three.status === "matched" && three.match.invoiceIds).toEqual(["I1", "I2", "I4"]);
  });

  it("reports several combinations as ambiguous", () => {
    const context: MatchingContext = {
      ...CONTEXT,
      openInvoices: [100, 200, 300, 400].map((openMinor, i) => invoice({ id: `X${i}`, openMinor, dueDate: `2026-01-0${i + 1}` })),
    };
    // 500 = 100 + 400 = 200 + 300
    expect(matchByCombination({ amountMinor: 500, ...dupont }, context)).toEqual({
      status: "ambiguous",
      reason: "several combinations of open invoices sum to EUR 5.00",
    });
  });

  it("considers only the 12 oldest invoices and at most 4 at a time", () => {
    const thirteen = Array.from({ length: 13 }, (_, i) =>
      invoice({ id: `Y${i}`, openMinor: i === 12 ? 7 : 1000 * (i + 1), dueDate: `2026-01-${String(i + 1).padStart(2, "0")}` }),
    );
    // 1000 + 7 needs the 13th (newest) invoice, which is not considered
    expect(matchByCombination({ amountMinor: 1007, ...dupont }, { ...CONTEXT, openInvoices: thirteen }).status).toBe("none");
    const fives = Array.from({ length: 5 }, (_, i) => invoice({ id: `Z${i}`, openMinor: 100 * 10 ** i }));
    // 100 + 1000 + 10000 + 100000 + 1000000 needs all five
    expect(matchByCombination({ amountMinor: 1111100, ...dupont }, { ...CONTEXT, openInvoices: fives }).status).toBe("none");
    expect(matchByCombination({ amountMinor: 111100, ...dupont }, { ...CONTEXT, openInvoices: fives }).status).toBe("matched");
  });

  it("needs a recognised payer and ignores other debtors' invoices", () => {
    expect(matchByCombination({ amountMinor: 75000, currency: "EUR" }, CONTEXT)).toEqual({ status: "none", reason: "payer not recognised by IBAN or name" });
    // I2 (Dupont) + I7 (Martin) = 900.00 must not combine across debtors
    expect(matchByCombination({ amountMinor: 90000, ...dupont }, CONTEXT).status).toBe("none");
  });
});

describe("findCombinations", () => {
  it("lists subsets of 2 to 4 in the given order, stopping early", () => {
    const items = [100, 200, 300, 400].map((openMinor) => invoice({ id: String(openMinor), openMinor }));
    expect(findCombinations(items, 500, 10).map((c) => c.map((i) => i.id))).toEqual([["100", "400"], ["200", "300"]]);
    expect(findCombinations(items, 1000, 10).map((c) => c.map((i) => i.id))).toEqual([["100", "200", "300", "400"]]);
    expect(findCombinations(items, 300, 10).map((c) => c.map((i) => i.id))).toEqual([["100", "200"]]);
    expect(findCombinations(items, 500, 1)).toHaveLength(1);
  });
});
