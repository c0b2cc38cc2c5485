import { computeLatePenalties, DEFAULT_RATE_TABLES, type Jurisdiction, type Segment } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { createPenaltyCalculator } from "./planning-penalties.ts";

describe("createPenaltyCalculator", () => {
  it("equals computeLatePenalties on random invoices", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const asOf of ["2026-03-02", "2026-05-31", "2025-06-20"]) {
      const calculate = createPenaltyCalculator(DEFAULT_RATE_TABLES, asOf);
      for (let i = 0; i < 300; i++) {
        const jurisdiction: Jurisdiction = next() < 0.3 ? "CH" : "FR";
        const segment: Segment = jurisdiction === "FR" && next() < 0.3 ? "b2c" : "b2b";
        const currency = jurisdiction === "CH" ? "CHF" : "EUR";
        const dueDate = new Date(Date.parse(`${asOf}T00:00:00Z`) - Math.floor(next() * 150) * 86_400_000).toISOString().slice(0, 10);
        const openMinor = 1 + Math.floor(next() * 10_000_000);
        let expected: { interestMinor: number; indemnityMinor: number } | "error";
        try {
          const p = computeLatePenalties({ jurisdiction, segment, principalMinor: openMinor, currency, dueDate, asOf, tables: DEFAULT_RATE_TABLES });
          expected = { interestMinor: p.interestMinor, indemnityMinor: p.indemnityMinor };
        } catch {
          expected = "error";
        }
        let actual: typeof expected;
        try {
          actual = calculate({ jurisdiction, segment, currency, dueDate, openMinor });
        } catch {
          actual = "error";
        }
        expect(actual).toEqual(expected);
      }
    }
  });
});
