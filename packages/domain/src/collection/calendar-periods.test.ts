import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, toEpochDay } from "../ledger/calendar-date.ts";
import {
  addMonths, addYears, daysInPeriod, halfYearStartOf, halfYearStartsWithin, isoWeekday, nextWorkingDay, splitPeriod,
} from "./calendar-periods.ts";

describe("calendar periods", () => {
  it("adds months and years, clamping to the end of a shorter month", () => {
    expect(addMonths("2025-03-15", 6)).toBe("2025-09-15");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2025-01-31", -2)).toBe("2024-11-30");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-02-29", 5)).toBe("2029-02-28");
  });

  it("knows weekdays from the epoch day", () => {
    expect(isoWeekday("1970-01-01")).toBe(4); // Thursday
    expect(isoWeekday("1969-12-28")).toBe(7); // Sunday, before the epoch
    expect(isoWeekday("2025-07-04")).toBe(5); // Friday
    expect(isoWeekday("2026-03-01")).toBe(7); // Sunday
  });

  it("moves to the next working day past weekends and holidays", () => {
    expect(nextWorkingDay("2025-07-04")).toBe("2025-07-04");
    expect(nextWorkingDay("2025-07-05")).toBe("2025-07-07");
    expect(nextWorkingDay("2025-07-05", new Set(["2025-07-07"]))).toBe("2025-07-08");
  });

  it("finds half-year starts", () => {
    expect(halfYearStartOf("2025-06-30")).toBe("2025-01-01");
    expect(halfYearStartOf("2025-07-01")).toBe("2025-07-01");
    expect(halfYearStartsWithin({ from: "2025-06-16", to: "2026-01-01" })).toEqual(["2025-07-01", "2026-01-01"]);
    expect(halfYearStartsWithin({ from: "2025-07-01", to: "2025-12-31" })).toEqual([]);
  });

  it("splits an inclusive period before each cut", () => {
    // 16–30 June = 15 days, 1–15 July = 15 days
    expect(splitPeriod({ from: "2025-06-16", to: "2025-07-15" }, ["2025-07-01", "2025-01-01", "2026-01-01"])).toEqual([
      { from: "2025-06-16", to: "2025-06-30" },
      { from: "2025-07-01", to: "2025-07-15" },
    ]);
    expect(splitPeriod({ from: "2025-07-01", to: "2025-07-01" }, ["2025-07-01"])).toEqual([{ from: "2025-07-01", to: "2025-07-01" }]);
    expect(splitPeriod({ from: "2025-07-02", to: "2025-07-01" }, [])).toEqual([]);
    expect(daysInPeriod({ from: "2025-06-16", to: "2025-06-30" })).toBe(15);
  });

  it("covers every day exactly once whatever the cuts", () => {
    const day = fc.integer({ min: 19_000, max: 21_000 });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), fc.array(day, { maxLength: 8 }), (start, length, cuts) => {
        const from = addDays("1970-01-01", start);
        const to = addDays(from, length);
        const pieces = splitPeriod({ from, to }, cuts.map((c) => addDays("1970-01-01", c)));
        const total = pieces.reduce((sum, piece) => sum + daysInPeriod(piece), 0);
        const contiguous = pieces.every((piece, i) => i === 0 || toEpochDay(piece.from) === toEpochDay(pieces[i - 1]!.to) + 1);
        return total === length + 1 && contiguous && pieces[0]!.from === from && pieces.at(-1)!.to === to;
      }),
    );
  });
});
