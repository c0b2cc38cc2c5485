import { describe, expect, it } from "vitest";
import { expectedPaymentDate, forecastCashIn, promiseKeptRate } from "./cash-in-forecast.ts";

describe("cash-in forecast", () => {
  it("puts receipts in weeks starting on the as-of date, late ones in the first week", () => {
    const weeks = forecastCashIn(
      [
        { expectedOn: "2026-03-01", amountMinor: 100, source: "due" }, // before as-of: first week
        { expectedOn: "2026-03-08", amountMinor: 20, source: "due" }, // day 6: first week
        { expectedOn: "2026-03-09", amountMinor: 30, source: "promise" }, // day 7: second week
        { expectedOn: "2026-03-22", amountMinor: 40, source: "due" }, // day 20: third week
        { expectedOn: "2026-03-23", amountMinor: 999, source: "due" }, // day 21: after the 3 weeks, left out
        { expectedOn: "2026-03-02", amountMinor: -5, source: "due" }, // a credit: not a receipt
      ],
      "2026-03-02",
      3,
    );
    expect(weeks).toEqual([
      { weekStart: "2026-03-02", dueMinor: 120, promisedMinor: 0 },
      { weekStart: "2026-03-09", dueMinor: 0, promisedMinor: 30 },
      { weekStart: "2026-03-16", dueMinor: 40, promisedMinor: 0 },
    ]);
  });
  it("shifts a due date by the usual delay, never before the as-of date", () => {
    expect(expectedPaymentDate("2026-03-10", 12.4, "2026-03-02")).toBe("2026-03-22");
    expect(expectedPaymentDate("2026-01-10", 12, "2026-03-02")).toBe("2026-03-02");
    expect(expectedPaymentDate("2026-03-10", -4, "2026-03-02")).toBe("2026-03-10");
  });
  it("rates kept promises among the resolved ones", () => {
    expect(promiseKeptRate(3, 1)).toBe(75);
    expect(promiseKeptRate(1, 2)).toBe(33.3);
    expect(promiseKeptRate(0, 0)).toBeNull();
  });
});
