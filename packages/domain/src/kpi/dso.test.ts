import { describe, expect, it } from "vitest";
import {
  averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, countBackDso, monthsEndingAt, periodDays, standardDso,
} from "./dso.ts";

// One quarter, hand-computed: AR at 31 March 1,000,000; sales Jan 500,000, Feb 350,000, Mar 400,000 (1,250,000 in
// 90 days); not-yet-due AR at 31 March 400,000; AR at 1 January 800,000.
const quarter = { from: "2026-01-01", to: "2026-03-31" };

describe("period days", () => {
  it("counts both ends", () => {
    expect(periodDays(quarter)).toBe(90);
    expect(periodDays({ from: "2026-03-31", to: "2026-03-31" })).toBe(1);
  });
  it("refuses a period that ends before it starts, naming both dates", () => {
    expect(() => periodDays({ from: "2026-03-02", to: "2026-03-01" })).toThrow(/2026-03-01.*2026-03-02/);
  });
});

describe("standard DSO, Best Possible DSO and ADD", () => {
  it("computes AR ÷ sales × days", () => {
    expect(standardDso({ arMinor: 1_000_000, creditSalesMinor: 1_250_000, days: 90 })).toBe(72);
    expect(bestPossibleDso({ currentArMinor: 400_000, creditSalesMinor: 1_250_000, days: 90 })).toBe(28.8);
    expect(averageDaysDelinquent(72, 28.8)).toBe(43.2);
  });
  it("has no value without sales", () => {
    expect(standardDso({ arMinor: 5, creditSalesMinor: 0, days: 30 })).toBeNull();
    expect(bestPossibleDso({ currentArMinor: 5, creditSalesMinor: -10, days: 30 })).toBeNull();
    expect(averageDaysDelinquent(null, 3)).toBeNull();
  });
});

describe("count-back DSO", () => {
  it("walks back month by month, then takes a fraction of the month where the AR runs out", () => {
    // 1,000,000 − Mar 400,000 → 31 days; − Feb 350,000 → 59 days; 250,000 ÷ 500,000 × 31 = 15.5 → 74.5
    const months = [
      { month: "2026-03", days: 31, salesMinor: 400_000 },
      { month: "2026-02", days: 28, salesMinor: 350_000 },
      { month: "2026-01", days: 31, salesMinor: 500_000 },
    ];
    expect(countBackDso(1_000_000, months)).toEqual({ days: 74.5, exhausted: false });
    // AR smaller than the last month: a fraction of it only (300,000 ÷ 400,000 × 31 = 23.25 → 23.3)
    expect(countBackDso(300_000, months)).toEqual({ days: 23.3, exhausted: false });
    // exactly the last month's sales: that whole month
    expect(countBackDso(400_000, months)).toEqual({ days: 31, exhausted: false });
  });
  it("counts a month without sales whole and says when the AR outlasts the months given", () => {
    const months = [
      { month: "2026-03", days: 31, salesMinor: 0 },
      { month: "2026-02", days: 28, salesMinor: 100 },
    ];
    expect(countBackDso(50, months)).toEqual({ days: 45, exhausted: false });
    expect(countBackDso(500, months)).toEqual({ days: 59, exhausted: true });
    expect(countBackDso(0, months)).toEqual({ days: 0, exhausted: false });
  });
  it("lists the months ending at the as-of date, the first one partial", () => {
    expect(monthsEndingAt("2026-03-15", 3)).toEqual([
      { month: "2026-03", from: "2026-03-01", to: "2026-03-15", days: 15 },
      { month: "2026-02", from: "2026-02-01", to: "2026-02-28", days: 28 },
      { month: "2026-01", from: "2026-01-01", to: "2026-01-31", days: 31 },
    ]);
    expect(monthsEndingAt("2024-01-31", 2).map((m) => [m.month, m.days])).toEqual([["2024-01", 31], ["2023-12", 31]]);
  });
});

describe("collection effectiveness index", () => {
  it("compares what was collected with what could have been", () => {
    // (800,000 + 1,250,000 − 1,000,000) ÷ (800,000 + 1,250,000 − 400,000) × 100 = 1,050,000 ÷ 1,650,000 = 63.6 %
    expect(collectionEffectivenessIndex({ openingArMinor: 800_000, creditSalesMinor: 1_250_000, closingArMinor: 1_000_000, closingCurrentArMinor: 400_000 })).toBe(63.6);
    // everything collectible collected
    expect(collectionEffectivenessIndex({ openingArMinor: 100, creditSalesMinor: 0, closingArMinor: 0, closingCurrentArMinor: 0 })).toBe(100);
  });
  it("has no value when nothing was collectible", () => {
    expect(collectionEffectivenessIndex({ openingArMinor: 0, creditSalesMinor: 100, closingArMinor: 100, closingCurrentArMinor: 100 })).toBeNull();
  });
});
