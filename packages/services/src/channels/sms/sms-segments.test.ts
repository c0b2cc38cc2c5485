import { describe, expect, it } from "vitest";
import { computeSmsSegments, isGsm7 } from "./sms-segments.ts";

describe("computeSmsSegments", () => {
  it("counts a GSM-7 text in septets, 160 for one SMS", () => {
    expect(computeSmsSegments("Bonjour, votre facture F-2026-001 est échue.")).toEqual({ encoding: "GSM-7", length: 44, segments: 1, perSegment: 160 });
    expect(computeSmsSegments("a".repeat(160))).toMatchObject({ segments: 1, perSegment: 160 });
    expect(computeSmsSegments("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(computeSmsSegments("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(computeSmsSegments("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts extension characters (€, brackets) twice and never splits one across parts", () => {
    expect(computeSmsSegments("Solde : 120 €")).toMatchObject({ encoding: "GSM-7", length: 14 });
    expect(computeSmsSegments("€".repeat(80))).toMatchObject({ length: 160, segments: 1 });
    // 152 septets then a 2-septet €: 154 does not fit in the first part, so the € opens the second.
    expect(computeSmsSegments(`${"a".repeat(152)}€${"a".repeat(152)}`)).toMatchObject({ length: 306, segments: 3 });
  });

  it("switches the whole text to UCS-2 for one character outside GSM-7 (ç, ê, emoji)", () => {
    expect(isGsm7("Reçu")).toBe(false);
    expect(computeSmsSegments("Merci de régler la facture, reçue le 2 mars.")).toEqual({ encoding: "UCS-2", length: 44, segments: 1, perSegment: 70 });
    expect(computeSmsSegments("ê".repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(computeSmsSegments("🙂".repeat(35))).toMatchObject({ length: 70, segments: 1 });
    // 134 units would fit 2 × 67, but the emoji cannot straddle parts 1 and 2, so it takes 3.
    expect(computeSmsSegments(`${"a".repeat(66)}🙂${"a".repeat(66)}`)).toMatchObject({ length: 134, segments: 3 });
  });

  it("gives no part for an empty text", () => {
    expect(computeSmsSegments("")).toMatchObject({ segments: 0 });
  });
});
