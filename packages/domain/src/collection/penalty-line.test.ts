import { describe, expect, it } from "vitest";
import { penaltyLine } from "./penalty-line.ts";

describe("penalty line", () => {
  it("computes one period's interest and explains it in words and in key + params", () => {
    // 1–31 Jan 2026 = 31 days × 5 % on 2 500.00: 250000 × 0.05 × 31 / 365 = 1061.64 → 1062
    const line = penaltyLine({ from: "2026-01-01", to: "2026-01-31" }, 250_000, "CHF", 50_000, { key: "test.line", why: "because", params: { extra: "x" } });
    expect(line).toMatchObject({ from: "2026-01-01", to: "2026-01-31", days: 31, ratePercent: "5.00", yearDays: 365, interestMinor: 1_062 });
    expect(line.explanation.text).toBe("2026-01-01 to 2026-01-31: 31 days at 5.00 % (because) on 2500.00 CHF × 31 / 365 = 10.62 CHF");
    expect(line.explanation.key).toBe("test.line");
    expect(line.explanation.params).toEqual({
      extra: "x", from: "2026-01-01", to: "2026-01-31", days: 31, ratePercent: "5.00", yearDays: 365, principal: "2500.00", interest: "10.62", currency: "CHF",
    });
  });
});
