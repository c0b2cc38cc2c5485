import { describe, expect, it } from "vitest";
import { cheUidCheckDigit, isValidCheUid, isValidSiren, isValidSiret, parseCompanyIdentifier } from "./company-identifier.ts";
import { ISO_COUNTRY_CODES, isIsoCountryCode } from "./iso-country-codes.ts";

describe("SIREN and SIRET", () => {
  it("checks the Luhn key", () => {
    // 123456782: from the right 2, 8×2=16→7, 7, 6×2=12→3, 5, 4×2=8, 3, 2×2=4, 1 → 40
    expect(isValidSiren("123456782")).toBe(true);
    expect(isValidSiren("123456783")).toBe(false);
    expect(isValidSiren("12345678")).toBe(false);
    // SIRET 12345678200010, from the right: 0, 1×2=2, 0, 0, 0, then the SIREN with its doubling shifted by one place:
    // 2×2=4, 8, 7×2=14→5, 6, 5×2=10→1, 4, 3×2=6, 2, 1×2=2 → 2 + 38 = 40 ✓
    expect(isValidSiret("12345678200010")).toBe(true);
    expect(isValidSiret("12345678200011")).toBe(false);
    expect(isValidSiret("12345678300011")).toBe(false); // SIREN part invalid
  });

  it("accepts La Poste establishments by the digit-sum rule", () => {
    // digit sums: 3+5+6+1 = 15 ✓ (though its Luhn sum is 16 ✗); 3+5+6+1+3 = 18 ✗
    expect(isValidSiret("35600000000010")).toBe(true);
    expect(isValidSiret("35600000000013")).toBe(false);
    // the head office keeps the Luhn rule: 8 + 4×2 + (3×2 + 5 + 6×2→3) = 8 + 8 + 14 = 30 ✓ (digit sum 26 ✗)
    expect(isValidSiret("35600000000048")).toBe(true);
  });
});

describe("Swiss UID", () => {
  it("checks the mod 11 digit", () => {
    // 1,1,6,2,8,1,7,1 × 5,4,3,2,7,6,5,4 = 5+4+18+4+56+6+35+4 = 132 = 12 × 11 → 11 − 0 = 11 → 0
    expect(cheUidCheckDigit("11628171")).toBe(0);
    expect(isValidCheUid("CHE-116.281.710")).toBe(true);
    expect(isValidCheUid("che116281710 MWST")).toBe(true);
    expect(isValidCheUid("CHE-116.281.711")).toBe(false);
    // 1,0,0,0,0,0,0,0 → 5 → 11 − 5 = 6
    expect(cheUidCheckDigit("10000000")).toBe(6);
    // 2,0,0,0,0,0,0,0 → 10 → 11 − 10 = 1
    expect(cheUidCheckDigit("20000000")).toBe(1);
    // 0,0,0,0,0,0,0,1 → 4 → 7; 0,0,0,0,0,0,1,0 → 5 → 6; sums of 1 (mod 11) give 10: never issued
    expect(cheUidCheckDigit("00000003")).toBe(undefined); // 3×4 = 12 → 12 mod 11 = 1 → 10
  });
});

describe("parseCompanyIdentifier", () => {
  it("recognizes and canonicalizes each kind", () => {
    expect(parseCompanyIdentifier("123 456 782")).toEqual({ ok: true, value: { kind: "SIREN", value: "123456782" } });
    expect(parseCompanyIdentifier("123 456 782 00010")).toEqual({ ok: true, value: { kind: "SIRET", value: "12345678200010" } });
    expect(parseCompanyIdentifier("che 116 281 710 tva")).toEqual({ ok: true, value: { kind: "CHE_UID", value: "CHE-116.281.710" } });
  });

  it("says what is wrong", () => {
    expect(parseCompanyIdentifier("123456783")).toEqual({ ok: false, reason: "SIREN check digit is wrong" });
    expect(parseCompanyIdentifier("12345678200011")).toEqual({ ok: false, reason: "SIRET check digit is wrong" });
    expect(parseCompanyIdentifier("CHE-116.281.711")).toEqual({ ok: false, reason: "CHE UID check digit is wrong" });
    expect(parseCompanyIdentifier("FR12345")).toMatchObject({ ok: false, reason: expect.stringContaining("not a SIREN") });
  });
});

describe("ISO country codes", () => {
  it("holds the 249 assigned codes", () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
    expect(isIsoCountryCode("FR")).toBe(true);
    expect(isIsoCountryCode("CH")).toBe(true);
    expect(isIsoCountryCode("LI")).toBe(true);
    expect(isIsoCountryCode("UK")).toBe(false);
    expect(isIsoCountryCode("fr")).toBe(false);
  });
});
