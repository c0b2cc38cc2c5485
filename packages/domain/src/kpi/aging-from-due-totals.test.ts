import { describe, expect, it } from "vitest";
import { DEFAULT_AGING_BUCKETS } from "../ledger/aging.ts";
import { ageDueDateTotals, bucketsFromEdges, DEFAULT_AGING_EDGES } from "./aging-from-due-totals.ts";

describe("aging from totals per due date", () => {
  const rows = [
    { dueDate: "2026-04-10", openMinor: 1_000, itemCount: 2 }, // not due
    { dueDate: "2026-03-31", openMinor: 500, itemCount: 1 }, // due today: 0 days, not due
    { dueDate: "2026-03-30", openMinor: 200, itemCount: 1 }, // 1 day
    { dueDate: "2026-03-01", openMinor: 300, itemCount: 3 }, // 30 days
    { dueDate: "2026-02-28", openMinor: 50, itemCount: 1 }, // 31 days
    { dueDate: "2025-12-31", openMinor: 70, itemCount: 1 }, // 90 days
    { dueDate: "2025-12-30", openMinor: -40, itemCount: 1 }, // 91 days, a credit note
  ];

  it("puts each due date in its bucket as of the date asked, edges included", () => {
    const aged = ageDueDateTotals(rows, "2026-03-31");
    expect(aged.map((b) => [b.key, b.openMinor, b.itemCount])).toEqual([
      ["not-due", 1_500, 3], ["1-30", 500, 4], ["31-60", 50, 1], ["61-90", 70, 1], ["over-90", -40, 1],
    ]);
  });

  it("moves amounts along as time passes, without any change to the rows", () => {
    const aged = ageDueDateTotals(rows, "2026-04-30");
    expect(aged.map((b) => b.openMinor)).toEqual([0, 1_500, 500, 50, 30]);
  });

  it("uses a tenant's own edges", () => {
    const aged = ageDueDateTotals(rows, "2026-03-31", bucketsFromEdges([0, 15, 45]));
    expect(aged.map((b) => [b.key, b.openMinor])).toEqual([["not-due", 1_500], ["1-15", 200], ["16-45", 350], ["over-45", 30]]);
  });
});

describe("bucket edges", () => {
  it("rebuild the default buckets from the default edges", () => {
    expect(bucketsFromEdges(DEFAULT_AGING_EDGES).map((b) => [b.key, b.minDays, b.maxDays])).toEqual(
      DEFAULT_AGING_BUCKETS.map((b) => [b.key, b.minDays, b.maxDays]),
    );
  });
  it("refuse edges that do not start at 0 or do not ascend, naming the edge", () => {
    expect(() => bucketsFromEdges([5, 30])).toThrow(/first edge must be 0/);
    expect(() => bucketsFromEdges([0, 30, 30])).toThrow(/edge 2 \(30\) must be greater than edge 1/);
    expect(() => bucketsFromEdges([0, 1.5])).toThrow(/edge 1 is not a whole number/);
    expect(() => bucketsFromEdges([])).toThrow(/from 1 to 12 edges/);
  });
});
