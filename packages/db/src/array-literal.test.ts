import { describe, expect, it } from "vitest";
import { plainArrayLiteral } from "./array-literal.ts";

describe("plainArrayLiteral", () => {
  it("writes integers, uuids, dates and keywords as an array literal", () => {
    expect(plainArrayLiteral([1, -2, 30])).toBe("{1,-2,30}");
    expect(plainArrayLiteral(["0190f3a2-7c1e-7000-8000-000000000001", "2026-11-02", "email"])).toBe("{0190f3a2-7c1e-7000-8000-000000000001,2026-11-02,email}");
    expect(plainArrayLiteral([])).toBe("{}");
  });

  it("refuses a value that would need quoting rather than quote it", () => {
    for (const value of ["a,b", 'say "hi"', "{1}", "two words", "", "back\\slash", "NULL", "null"]) expect(() => plainArrayLiteral([value])).toThrow(/would need quoting/);
    expect(() => plainArrayLiteral([1.5])).toThrow(/would need quoting/);
    expect(() => plainArrayLiteral([Number.NaN])).toThrow(/would need quoting/);
  });
});
