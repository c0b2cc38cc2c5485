import { describe, expect, it } from "vitest";
import { minorAsDecimal, toCsv } from "./chart-export.ts";

describe("chart data as CSV", () => {
  it("writes a header and rows, quoting what needs it", () => {
    expect(toCsv(["bucket", "EUR"], [["1–30", "12.50"], ['say "hi", ok', null]])).toBe('bucket,EUR\r\n1–30,12.50\r\n"say ""hi"", ok",\r\n');
  });
  it("writes minor units as plain decimals", () => {
    expect([123456, 5, -250, 0].map(minorAsDecimal)).toEqual(["1234.56", "0.05", "-2.50", "0.00"]);
  });
});
