import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_TABLES } from "./default-rate-tables.ts";
import { computeLatePenalties } from "./late-penalties.ts";
import { frB2b, frB2c, periods } from "./late-penalties-fixture.ts";

describe("late penalties, France B2B", () => {
  it("splits at 1 July 2025: 13.15 % then 12.15 %, plus €40", () => {
    // 1 000.00 due 15 June, as of 15 July:
    //   16–30 June  15 days × 13.15 % (ECB 3.15 on 1 Jan + 10): 100000 × 0.1315 × 15 / 365 = 540.41 → 540
    //   1–15 July   15 days × 12.15 % (ECB 2.15 on 1 Jul + 10): 100000 × 0.1215 × 15 / 365 = 499.32 → 499
    const result = computeLatePenalties(frB2b());
    expect(periods(frB2b())).toEqual([
      { from: "2025-06-16", to: "2025-06-30", days: 15, ratePercent: "13.15", interestMinor: 540 },
      { from: "2025-07-01", to: "2025-07-15", days: 15, ratePercent: "12.15", interestMinor: 499 },
    ]);
    expect(result).toMatchObject({ currency: "EUR", interestMinor: 1_039, indemnityMinor: 4_000, totalMinor: 5_039 });
    expect(result.lines[0]!.explanation.text).toBe(
      "2025-06-16 to 2025-06-30: 15 days at 13.15 % (ECB rate 3.15 % in force on 2025-01-01 + 10 points) on 1000.00 EUR × 15 / 365 = 5.40 EUR",
    );
    expect(result.lines[1]!.explanation).toMatchObject({ key: "collection.penalty.frB2bLine", params: { ecbRatePercent: "2.15", rateDate: "2025-07-01", days: 15, interest: "4.99" } });
    expect(result.explanation.at(-1)).toBe("Total: interest 10.39 + indemnity 40.00 = 50.39 EUR.");
  });

  it("rounds once per line, not per day, on a larger amount", () => {
    // 12 345.67 due 31 March, as of 31 December 2025:
    //   1 Apr–30 Jun  91 days × 13.15 %: 1234567 × 0.1315 × 91 / 365 = 40475.19 → 40475
    //   1 Jul–31 Dec 184 days × 12.15 %: 1234567 × 0.1215 × 184 / 365 = 75616.38 → 75616
    const input = frB2b({ principalMinor: 1_234_567, dueDate: "2025-03-31", asOf: "2025-12-31" });
    expect(periods(input).map((l) => [l.days, l.interestMinor])).toEqual([[91, 40_475], [184, 75_616]]);
    expect(computeLatePenalties(input).totalMinor).toBe(40_475 + 75_616 + 4_000);
  });

  it("handles a partial half-year and a period reaching into the next year", () => {
    // due 10 Jan 2026, as of 1 Mar: 11–31 Jan 21 + Feb 28 + 1 Mar 1 = 50 days × 12.15 % (ECB 2.15 on 1 Jan 2026 + 10)
    //   100000 × 0.1215 × 50 / 365 = 1664.38 → 1664
    expect(periods(frB2b({ dueDate: "2026-01-10", asOf: "2026-03-01" }))).toEqual([
      { from: "2026-01-11", to: "2026-03-01", days: 50, ratePercent: "12.15", interestMinor: 1_664 },
    ]);
    // due 30 Jun 2025, as of 5 Jan 2026: 1 Jul–31 Dec 184 days → 6124.93 → 6125; 1–5 Jan 5 days → 166.44 → 166
    expect(periods(frB2b({ dueDate: "2025-06-30", asOf: "2026-01-05" })).map((l) => [l.from, l.to, l.days, l.interestMinor])).toEqual([
      ["2025-07-01", "2025-12-31", 184, 6_125],
      ["2026-01-01", "2026-01-05", 5, 166],
    ]);
  });

  it("owes €40 per late invoice from the first day late, even when partly paid", () => {
    // one day late on 0.01 open: interest 1 × 0.1315 / 365 ≈ 0 → 0; the indemnity is whole
    const result = computeLatePenalties(frB2b({ principalMinor: 1, dueDate: "2025-03-10", asOf: "2025-03-11" }));
    expect(result).toMatchObject({ interestMinor: 0, indemnityMinor: 4_000, totalMinor: 4_000 });
    const invoices = ["2025-03-10", "2025-04-10"].map((dueDate) => computeLatePenalties(frB2b({ dueDate, asOf: "2025-05-01" })).indemnityMinor);
    expect(invoices).toEqual([4_000, 4_000]);
  });

  it("floors a contractual rate below 3 × the legal rate, and says so", () => {
    // H1 2025 legal rate (other cases) 3.71 % → floor 11.13 %; due 31 Jan, as of 1 Mar: 28 + 1 = 29 days
    //   contractual 5 % < 11.13 %: 100000 × 0.1113 × 29 / 365 = 884.30 → 884
    const low = computeLatePenalties(frB2b({ dueDate: "2025-01-31", asOf: "2025-03-01", contractualRatePercent: "5" }));
    expect(low.lines).toHaveLength(1);
    expect(low.lines[0]).toMatchObject({ days: 29, ratePercent: "11.13", interestMinor: 884 });
    expect(low.lines[0]!.explanation.key).toBe("collection.penalty.frB2bFloorLine");
    expect(low.lines[0]!.explanation.text).toContain("contractual rate 5.00 % is below the floor, so 3 × legal rate 3.71 % in force on 2025-01-01");
    //   contractual 15 % ≥ 11.13 %: 100000 × 0.15 × 29 / 365 = 1191.78 → 1192
    const high = computeLatePenalties(frB2b({ dueDate: "2025-01-31", asOf: "2025-03-01", contractualRatePercent: "15" }));
    expect(high.lines[0]).toMatchObject({ ratePercent: "15.00", interestMinor: 1_192 });
  });

  it("uses the rate of each half-year's first day, from the tables given, 365 days even in a leap year", () => {
    const tables = { ...DEFAULT_RATE_TABLES, ecb_refinancing: { kind: "ecb_refinancing" as const, entries: [{ validFrom: "2023-09-20", ratePercent: "4.50" }] } };
    // due 31 Dec 2023, as of 30 Jun 2024: 1 Jan–30 Jun 2024 = 182 days (leap Feb) × 14.50 %
    //   100000 × 0.145 × 182 / 365 = 7230.14 → 7230
    expect(periods(frB2b({ tables, dueDate: "2023-12-31", asOf: "2024-06-30" }))).toEqual([
      { from: "2024-01-01", to: "2024-06-30", days: 182, ratePercent: "14.50", interestMinor: 7_230 },
    ]);
  });

  it("fails naming the table when a half-year has no rate", () => {
    expect(() => computeLatePenalties(frB2b({ dueDate: "2024-11-30", asOf: "2025-01-10" }))).toThrow(/"ecb_refinancing" is in force on 2024-07-01/);
  });
});

describe("late penalties, France B2C", () => {
  it("runs the legal rate from the formal notice, without the €40", () => {
    // notice 10 March 2025 (due 28 Feb), as of 8 April: 10–31 Mar 22 + 1–8 Apr 8 = 30 days × 3.71 %
    //   100000 × 0.0371 × 30 / 365 = 304.93 → 305
    const input = frB2c({ dueDate: "2025-02-28", formalNoticeDate: "2025-03-10", asOf: "2025-04-08" });
    expect(periods(input)).toEqual([{ from: "2025-03-10", to: "2025-04-08", days: 30, ratePercent: "3.71", interestMinor: 305 }]);
    expect(computeLatePenalties(input)).toMatchObject({ interestMinor: 305, indemnityMinor: 0, totalMinor: 305 });
  });

  it("owes nothing without a formal notice, and says why", () => {
    const result = computeLatePenalties(frB2c({ dueDate: "2025-02-28", asOf: "2025-04-08" }));
    expect(result).toMatchObject({ lines: [], interestMinor: 0, indemnityMinor: 0, totalMinor: 0 });
    expect(result.explanation).toContain("No interest: against a consumer, interest at the legal rate runs only from a formal notice (C. civ. 1231-6).");
    expect(result.notes.map((n) => n.key)).toContain("collection.penalty.frB2cNoNotice");
  });

  it("ignores a notice given before the debt was payable", () => {
    const result = computeLatePenalties(frB2c({ dueDate: "2025-03-31", formalNoticeDate: "2025-03-15", asOf: "2025-04-30" }));
    expect(result.totalMinor).toBe(0);
    expect(result.notes.map((n) => n.key)).toContain("collection.penalty.frB2cEarlyNotice");
  });

  it("refuses to guess the H2 2025 legal rate, which FACTS leaves unverified", () => {
    const input = frB2c({ dueDate: "2025-05-31", formalNoticeDate: "2025-06-20", asOf: "2025-07-10" });
    expect(() => computeLatePenalties(input)).toThrow(/"fr_legal_rate_other" is in force on 2025-07-01/);
  });
});


describe("late penalties, France B2B statutory terms", () => {
  it("reads the margin from dated terms, per half-year", () => {
    // hypothetical law: 8 points from 1 July 2025. 16–30 June 15 days × 13.15 % → 540;
    // 1–15 July 15 days × (2.15 + 8 = 10.15 %): 100000 × 0.1015 × 15 / 365 = 417.12 → 417
    const frB2bTerms = [
      { validFrom: "2013-01-01", validTo: "2025-06-30", ecbMarginPercent: "10", contractualFloorMultiple: 3, reference: "C. com. L441-10" },
      { validFrom: "2025-07-01", ecbMarginPercent: "8", contractualFloorMultiple: 3, reference: "hypothetical" },
    ];
    expect(periods(frB2b({ frB2bTerms })).map((l) => [l.ratePercent, l.interestMinor])).toEqual([["13.15", 540], ["10.15", 417]]);
  });

  it("refuses to add a EUR indemnity to an invoice in another currency", () => {
    expect(() => computeLatePenalties(frB2b({ currency: "CHF" }))).toThrow("The recovery indemnity is in EUR; it cannot be added to an invoice in CHF");
  });
});
