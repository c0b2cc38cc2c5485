import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDecimalSeparator, formatDecimal, parseDecimalAmount, tryParseDecimalAmount } from "./decimal-amount.ts";

const auto = { decimalSeparator: "auto" } as const;

describe("parseDecimalAmount", () => {
  it.each([
    ["1 234,56", 123456],
    ["1\u00A0234,56", 123456],
    ["1\u202F234,56", 123456],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["1234.5", 123450],
    ["-12,00", -1200],
    ["\u221212,00", -1200],
    ["+7", 700],
    ["12'345.60", 1234560],
    ["12\u2019345.60", 1234560],
    ["1.234.567", 123456700],
    ["0,5", 50],
    [".5", 50],
    ["0,500", 50],
    ["12.3400", 1234],
    ["  42  ", 4200],
    ["-0,00", 0],
  ])("reads %j as %i minor units", (text, expected) => {
    expect(parseDecimalAmount(text, auto)).toBe(expected);
  });

  it.each([
    ["12,345,67", "misplaced thousands separator"],
    ["abc", "not a decimal amount"],
    ["12,345", 'ambiguous: "," may separate thousands or decimals; set the decimal separator'],
    ["1 234,567", "more than 2 decimals"],
    ["12.345", "ambiguous"],
    ["", "empty"],
    ["   ", "empty"],
    ["-", "not a decimal amount"],
    ["12,", "no digits after the decimal separator"],
    ["1 234.567,8", "mixed thousands separators"],
    ["12 34,5", "misplaced thousands separator"],
    ["99999999999999999", "too large"],
    ["1e5", "not a decimal amount"],
  ])("rejects %j (%s)", (text, reason) => {
    const outcome = tryParseDecimalAmount(text, auto);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toContain(reason);
  });

  it("throws a message that names the value", () => {
    expect(() => parseDecimalAmount("12,345,67", auto)).toThrow('Amount "12,345,67": misplaced thousands separator');
  });

  it("follows an explicit decimal separator", () => {
    expect(parseDecimalAmount("1,234", { decimalSeparator: "." })).toBe(123400);
    expect(() => parseDecimalAmount("1,234", { decimalSeparator: "," })).toThrow("more than 2 decimals");
    expect(parseDecimalAmount("1.234", { decimalSeparator: "," })).toBe(123400);
    expect(parseDecimalAmount("1.234,5", { decimalSeparator: "," })).toBe(123450);
    expect(() => parseDecimalAmount("1,234.56", { decimalSeparator: "," })).toThrow("not a decimal amount");
    expect(() => parseDecimalAmount("12,345,67", { decimalSeparator: "," })).toThrow('"," appears more than once');
  });

  it("without grouping reads any single separator as decimal (FEC, camt)", () => {
    const flat = { decimalSeparator: "auto", grouping: false } as const;
    expect(parseDecimalAmount("1234,567", { ...flat, fractionDigits: 3 })).toBe(1234567);
    expect(parseDecimalAmount("1,234", { ...flat, fractionDigits: 3 })).toBe(1234);
    expect(() => parseDecimalAmount("1.234,56", flat)).toThrow("unexpected thousands separator");
  });

  it("supports currencies without minor units", () => {
    expect(parseDecimalAmount("1'234", { decimalSeparator: ".", fractionDigits: 0 })).toBe(1234);
    expect(parseDecimalAmount("1234.00", { decimalSeparator: ".", fractionDigits: 0 })).toBe(1234);
  });
});

describe("formatDecimal", () => {
  it("writes plain dotted decimals", () => {
    expect(formatDecimal(123456)).toBe("1234.56");
    expect(formatDecimal(5)).toBe("0.05");
    expect(formatDecimal(-5)).toBe("-0.05");
    expect(formatDecimal(0)).toBe("0.00");
    expect(formatDecimal(-100000)).toBe("-1000.00");
    expect(formatDecimal(1234, 0)).toBe("1234");
    expect(() => formatDecimal(1.5)).toThrow();
  });

  it("round-trips through parseDecimalAmount (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        expect(parseDecimalAmount(formatDecimal(minor), { decimalSeparator: "." })).toBe(minor === 0 ? 0 : minor);
      }),
    );
  });
});

describe("detectDecimalSeparator", () => {
  it("decides only on unambiguous evidence", () => {
    expect(detectDecimalSeparator(["1 234,56", "12,5", "3"])).toBe(",");
    expect(detectDecimalSeparator(["1,234.56", "7.5"])).toBe(".");
    expect(detectDecimalSeparator(["1,234", "5,678"])).toBeUndefined();
    expect(detectDecimalSeparator(["1,5", "1.5"])).toBeUndefined();
    expect(detectDecimalSeparator([])).toBeUndefined();
  });
});
