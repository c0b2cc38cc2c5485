import { describe, expect, it } from "vitest";
import { addDays, daysBetween, endOfMonth, fromEpochDay, isIsoDate, toEpochDay } from "./calendar-date.ts";

describe("calendar dates", () => {
  it("numbers days from 1970-01-01", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("1970-01-02")).toBe(1);
    expect(toEpochDay("1969-12-31")).toBe(-1);
    // 30 years = 22 common years × 365 + 8 leap years × 366 = 10957 days
    expect(toEpochDay("2000-01-01")).toBe(10957);
    expect(fromEpochDay(10957)).toBe("2000-01-01");
  });

  it("round-trips every day of a leap year and its neighbours", () => {
    const start = toEpochDay("2023-12-01");
    for (let day = start; day < start + 500; day++) expect(toEpochDay(fromEpochDay(day))).toBe(day);
  });

  it("knows leap years", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-4-3")).toBe(false);
  });

  it("adds days and counts them across month and year ends", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-31", "2026-03-02")).toBe(30);
    expect(daysBetween("2026-03-02", "2026-01-31")).toBe(-30);
  });

  it("finds the end of a month", () => {
    expect(endOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(endOfMonth("2026-02-10")).toBe("2026-02-28");
    expect(endOfMonth("2026-04-30")).toBe("2026-04-30");
  });

  it("rejects text that is not a calendar date, naming it", () => {
    expect(() => toEpochDay("2026-02-30")).toThrow('"2026-02-30" is not a calendar date');
    expect(() => toEpochDay("31/01/2026")).toThrow(/31\/01\/2026/);
  });
});
