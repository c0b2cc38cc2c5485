import { OVERDUE_BUCKETS } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { dueRangeOfBucket, overdueBucketOf } from "./aging-buckets.ts";

const AS_OF = "2026-03-02";

describe("overdue buckets", () => {
  it("turns each bucket into the due dates it holds as of a date", () => {
    expect(dueRangeOfBucket("not_due", AS_OF)).toEqual({ from: "2026-03-02", to: null });
    expect(dueRangeOfBucket("1_30", AS_OF)).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect(dueRangeOfBucket("31_60", AS_OF)).toEqual({ from: "2026-01-01", to: "2026-01-30" });
    expect(dueRangeOfBucket("61_90", AS_OF)).toEqual({ from: "2025-12-02", to: "2025-12-31" });
    expect(dueRangeOfBucket("over_90", AS_OF)).toEqual({ from: null, to: "2025-12-01" });
  });

  it("puts an item due on the as-of date in not due, and the day before in 1–30", () => {
    expect(overdueBucketOf("2026-03-02", AS_OF)).toBe("not_due");
    expect(overdueBucketOf("2026-04-30", AS_OF)).toBe("not_due");
    expect(overdueBucketOf("2026-03-01", AS_OF)).toBe("1_30");
    expect(overdueBucketOf("2026-01-30", AS_OF)).toBe("31_60");
    expect(overdueBucketOf("2025-12-01", AS_OF)).toBe("over_90");
  });

  it("agrees with its own due ranges on every day of a year", () => {
    for (let offset = -30; offset <= 365; offset++) {
      const due = new Date(Date.UTC(2026, 2, 2) - offset * 86_400_000).toISOString().slice(0, 10);
      const bucket = overdueBucketOf(due, AS_OF);
      const { from, to } = dueRangeOfBucket(bucket, AS_OF);
      expect((from === null || due >= from) && (to === null || due <= to), `${due} in ${bucket}`).toBe(true);
      const others = OVERDUE_BUCKETS.filter((b) => b !== bucket).map((b) => dueRangeOfBucket(b, AS_OF));
      expect(others.some((r) => (r.from === null || due >= r.from) && (r.to === null || due <= r.to))).toBe(false);
    }
  });
});
