import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageReceivables, bucketOf, DEFAULT_AGING_BUCKETS, daysPastDue, validateBuckets, type AgingBucket } from "./aging.ts";

describe("daysPastDue", () => {
  it("counts calendar days after the due date", () => {
    expect(daysPastDue("2026-01-31", "2026-01-31")).toBe(0);
    expect(daysPastDue("2026-01-31", "2026-03-02")).toBe(30);
    expect(daysPastDue("2026-03-31", "2026-03-29")).toBe(-2);
    // across the spring DST change in Europe (29 March 2026) a day is still a day
    expect(daysPastDue("2026-03-28", "2026-03-30")).toBe(2);
  });
});

describe("aging buckets", () => {
  it("puts days in the default buckets at their edges", () => {
    const keyOf = (days: number) => bucketOf(days).key;
    expect([-10, 0, 1, 30, 31, 60, 61, 90, 91, 1000].map(keyOf)).toEqual([
      "not-due", "not-due", "1-30", "1-30", "31-60", "31-60", "61-90", "61-90", "over-90", "over-90",
    ]);
  });

  it("accepts the defaults and custom contiguous buckets", () => {
    expect(() => validateBuckets(DEFAULT_AGING_BUCKETS)).not.toThrow();
    expect(() =>
      validateBuckets([
        { key: "current", label: "Current", minDays: null, maxDays: 15 },
        { key: "late", label: "Late", minDays: 16, maxDays: null },
      ]),
    ).not.toThrow();
  });

  it("names the bucket index that breaks the order", () => {
    const gap: AgingBucket[] = [
      { key: "a", label: "A", minDays: null, maxDays: 0 },
      { key: "b", label: "B", minDays: 1, maxDays: 30 },
      { key: "c", label: "C", minDays: 32, maxDays: null },
    ];
    expect(() => validateBuckets(gap)).toThrow('bucket 2 ("c") must start at 31, the day after bucket 1 ends');
    const reversed: AgingBucket[] = [
      { key: "a", label: "A", minDays: null, maxDays: 0 },
      { key: "b", label: "B", minDays: 30, maxDays: 1 },
    ];
    expect(() => validateBuckets(reversed)).toThrow('bucket 1 ("b") ends before it starts');
    expect(() => validateBuckets([{ key: "a", label: "A", minDays: 0, maxDays: null }])).toThrow('bucket 0 ("a") must have no lower bound');
    expect(() => validateBuckets([{ key: "a", label: "A", minDays: null, maxDays: 5 }])).toThrow('bucket 0 ("a") must have no upper bound');
    expect(() => validateBuckets([])).toThrow("at least one bucket");
    const open: AgingBucket[] = [
      { key: "a", label: "A", minDays: null, maxDays: null },
      { key: "b", label: "B", minDays: 1, maxDays: null },
    ];
    expect(() => validateBuckets(open)).toThrow('bucket 1 ("b") cannot follow bucket 0, which has no upper bound');
  });

  it("any valid bucket set holds every day in exactly one bucket (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -30, max: 400 }), { maxLength: 6 }), fc.integer({ min: -100, max: 500 }), (cuts, days) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const buckets: AgingBucket[] = [...sorted, null].map((max, i) => ({
          key: `b${i}`,
          label: `B${i}`,
          minDays: i === 0 ? null : sorted[i - 1]! + 1,
          maxDays: max,
        }));
        validateBuckets(buckets);
        const holders = buckets.filter((b) => (b.minDays === null || days >= b.minDays) && (b.maxDays === null || days <= b.maxDays));
        expect(holders).toHaveLength(1);
        expect(bucketOf(days, buckets)).toBe(holders[0]);
      }),
    );
  });
});

describe("ageReceivables", () => {
  it("totals per currency per bucket", () => {
    const aged = ageReceivables(
      [
        { currency: "EUR", openMinor: 10000, dueDate: "2026-04-30" }, // not due
        { currency: "EUR", openMinor: 25000, dueDate: "2026-03-31" }, // 30 days
        { currency: "EUR", openMinor: -5000, dueDate: "2026-03-15" }, // credit note, 46 days
        { currency: "EUR", openMinor: 7000, dueDate: "2026-01-01" }, // 119 days
        { currency: "CHF", openMinor: 900, dueDate: "2026-02-28" }, // 61 days
      ],
      "2026-04-30",
    );
    expect(aged.map((row) => row.currency)).toEqual(["EUR", "CHF"]);
    expect(aged[0]).toEqual({
      currency: "EUR",
      totalMinor: 37000,
      itemCount: 4,
      buckets: [
        { key: "not-due", label: "Not due", totalMinor: 10000, itemCount: 1 },
        { key: "1-30", label: "1–30 days", totalMinor: 25000, itemCount: 1 },
        { key: "31-60", label: "31–60 days", totalMinor: -5000, itemCount: 1 },
        { key: "61-90", label: "61–90 days", totalMinor: 0, itemCount: 0 },
        { key: "over-90", label: "> 90 days", totalMinor: 7000, itemCount: 1 },
      ],
    });
    expect(aged[1]!.buckets.map((b) => b.totalMinor)).toEqual([0, 0, 0, 900, 0]);
  });

  it("returns nothing for no items and refuses invalid buckets", () => {
    expect(ageReceivables([], "2026-01-01")).toEqual([]);
    expect(() => ageReceivables([], "2026-01-01", [{ key: "x", label: "X", minDays: 1, maxDays: null }])).toThrow(/bucket 0/);
  });
});
