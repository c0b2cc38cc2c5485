import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildQrr, buildRf, classifyReference, isValidQrr, isValidRf, normalizeReference, qrrCheckDigit } from "./payment-reference.ts";

describe("QR reference (QRR)", () => {
  it("accepts the SIX example and computes its check digit", () => {
    expect(isValidQrr("210000000003139471430009017")).toBe(true);
    expect(isValidQrr("21 00000 00003 13947 14300 09017")).toBe(true);
    expect(qrrCheckDigit("21000000000313947143000901")).toBe(7);
  });

  it("computes a check digit by hand", () => {
    // digits 0…0 1: carry stays 0 for the zeros, then table[(0+1)%10] = 9 → check (10-9)%10 = 1
    expect(qrrCheckDigit("00000000000000000000000001")).toBe(1);
    expect(qrrCheckDigit("0".repeat(26))).toBe(0);
  });

  it("rejects wrong check digits, lengths and letters", () => {
    expect(isValidQrr("210000000003139471430009016")).toBe(false);
    expect(isValidQrr("21000000000313947143000901")).toBe(false);
    expect(isValidQrr("21000000000313947143000901A")).toBe(false);
    expect(() => qrrCheckDigit("123")).toThrow('"123" is not 26 digits');
  });

  it("builds from shorter numbers by left-padding", () => {
    expect(buildQrr("1")).toBe("000000000000000000000000011");
    expect(buildQrr("2100000000031394714300090 1".replace(" ", ""))).toBe("210000000003139471430009017");
    expect(() => buildQrr("12AB")).toThrow(/1 to 26 digits/);
    expect(() => buildQrr("1".repeat(27))).toThrow(/1 to 26 digits/);
  });

  it("always builds valid references, and one changed digit is always caught (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,26}$/), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const reference = buildQrr(digits);
        expect(isValidQrr(reference)).toBe(true);
        const changed = reference.slice(0, at) + String((Number(reference[at]) + delta) % 10) + reference.slice(at + 1);
        expect(isValidQrr(changed)).toBe(false);
      }),
    );
  });
});

describe("creditor reference (RF, ISO 11649)", () => {
  it("accepts the published examples", () => {
    expect(isValidRf("RF18539007547034")).toBe(true);
    expect(isValidRf("RF18 5390 0754 7034")).toBe(true);
    expect(isValidRf("rf18539007547034")).toBe(true);
    expect(isValidRf("RF18000000000539007547034")).toBe(true);
  });

  it("rejects wrong check digits and shapes", () => {
    expect(isValidRf("RF19539007547034")).toBe(false);
    expect(isValidRf("RF18539007547035")).toBe(false);
    expect(isValidRf("RF18")).toBe(false);
    expect(isValidRf("RF180000000005390075470340")).toBe(false); // 26 characters
    expect(isValidRf("XX18539007547034")).toBe(false);
  });

  it("builds the published example and round-trips any body (property)", () => {
    expect(buildRf("539007547034")).toBe("RF18539007547034");
    expect(buildRf("000000000539007547034")).toBe("RF18000000000539007547034");
    expect(() => buildRf("ÄB")).toThrow(/1 to 21 letters or digits/);
    fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9]{1,21}$/), (body) => isValidRf(buildRf(body))));
  });
});

describe("classifyReference", () => {
  it("tells QRR, SCOR, other and none apart", () => {
    expect(classifyReference(" 21 00000 00003 13947 14300 09017 ")).toEqual({ kind: "QRR", normalized: "210000000003139471430009017" });
    expect(classifyReference("rf18 5390 0754 7034")).toEqual({ kind: "SCOR", normalized: "RF18539007547034" });
    expect(classifyReference("F-2026-0042")).toEqual({ kind: "OTHER", normalized: "F-2026-0042" });
    expect(classifyReference("   ")).toEqual({ kind: "NONE", normalized: "" });
  });

  it("flags references that look like QRR or RF but fail their check", () => {
    expect(classifyReference("210000000003139471430009016")).toEqual({
      kind: "OTHER",
      normalized: "210000000003139471430009016",
      problem: "QR reference check digit is wrong",
    });
    expect(classifyReference("RF19539007547034").problem).toBe("RF reference check digits are wrong");
    expect(classifyReference("RF12").problem).toBe("RF reference must have 5 to 25 characters");
  });

  it("normalizes by removing spaces and upper-casing", () => {
    expect(normalizeReference(" rf18 5390\t0754 7034\n")).toBe("RF18539007547034");
  });
});
