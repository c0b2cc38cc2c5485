import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRatePercent, interestForDays, parseRatePercent, rateAsFractionText, tryParseRatePercent } from "./decimal-rate.ts";

describe("decimal rates", () => {
  it("parses percent text to 0.0001 % units", () => {
    expect(parseRatePercent("3.15")).toBe(31_500);
    expect(parseRatePercent("13.15")).toBe(131_500);
    expect(parseRatePercent("5")).toBe(50_000);
    expect(parseRatePercent("0.0001")).toBe(1);
    expect(parseRatePercent("100")).toBe(1_000_000);
  });

  it("refuses what is not an exact percent between 0 and 100", () => {
    expect(tryParseRatePercent("3,15")).toMatchObject({ ok: false });
    expect(tryParseRatePercent("3.12345")).toMatchObject({ ok: false });
    expect(tryParseRatePercent("-1")).toMatchObject({ ok: false });
    expect(tryParseRatePercent("100.01")).toEqual({ ok: false, reason: "must be between 0 and 100" });
    expect(() => parseRatePercent("abc")).toThrow(/Rate "abc"/);
  });

  it("formats with 2 to 4 decimals, exactly", () => {
    expect(formatRatePercent(131_500)).toBe("13.15");
    expect(formatRatePercent(50_000)).toBe("5.00");
    expect(formatRatePercent(31_250)).toBe("3.125");
    expect(formatRatePercent(111_300)).toBe("11.13");
    expect(rateAsFractionText(131_500)).toBe("0.1315");
    expect(rateAsFractionText(1_000_000)).toBe("1");
    expect(rateAsFractionText(1)).toBe("0.000001");
  });

  it("round-trips every rate it formats", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (units) => parseRatePercent(formatRatePercent(units)) === units));
  });

  it("computes interest on minor units, rounding half-up once", () => {
    // 1 000.00 at 13.15 % for 15 days: 100000 × 0.1315 × 15 / 365 = 540.41… → 540 (5.40)
    expect(interestForDays(100_000, 131_500, 15)).toBe(540);
    // 1 000.00 at 5 % for 73 days: 100000 × 0.05 × 73 / 365 = 1000 exactly
    expect(interestForDays(100_000, 50_000, 73)).toBe(1_000);
    // 10 000.00 at 10 % for 1 day: 1000000 × 0.1 / 365 = 273.97… → 274
    expect(interestForDays(1_000_000, 100_000, 1)).toBe(274);
    // half-up: 18.25 at 10 % for 1 day = 1825 × 0.1 / 365 = 0.5 exactly → 1
    expect(interestForDays(1_825, 100_000, 1)).toBe(1);
    // just below one half: 1824 × 0.1 / 365 = 0.4997… → 0
    expect(interestForDays(1_824, 100_000, 1)).toBe(0);
    expect(interestForDays(0, 100_000, 10)).toBe(0);
  });

  it("stays exact for the largest safe amounts", () => {
    // 9 007 199 254 740 991 × 100 % × 365 / 365 = the principal itself
    expect(interestForDays(Number.MAX_SAFE_INTEGER, 1_000_000, 365)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses negative or fractional inputs", () => {
    expect(() => interestForDays(-1, 1, 1)).toThrow(/principal/);
    expect(() => interestForDays(1, 1, 1.5)).toThrow(/days/);
  });
});
