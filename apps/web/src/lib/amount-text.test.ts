import { describe, expect, it } from "vitest";
import { amountInputText, parseAmountText } from "./amount-text.ts";

describe("amount text", () => {
  it("reads major units in French, Swiss and English writing", () => {
    expect(parseAmountText("1500")).toEqual({ ok: true, minor: 150_000 });
    expect(parseAmountText("1 500,5")).toEqual({ ok: true, minor: 150_050 });
    expect(parseAmountText("1'500.05")).toEqual({ ok: true, minor: 150_005 });
    expect(parseAmountText("-20")).toEqual({ ok: true, minor: -2_000 });
    expect(parseAmountText("  ")).toEqual({ ok: true, minor: null });
  });

  it("refuses what is not an amount", () => {
    for (const text of ["abc", "1.234,50", "1.005", "12e3", "--1"]) expect(parseAmountText(text), text).toEqual({ ok: false });
  });

  it("writes minor units back so that they read the same", () => {
    for (const minor of [0, 5, 150_000, 150_050, -2_001]) {
      expect(parseAmountText(amountInputText(minor))).toEqual({ ok: true, minor });
    }
    expect(amountInputText(150_000)).toBe("1500");
    expect(amountInputText(150_050)).toBe("1500.50");
    expect(amountInputText(null)).toBe("");
  });
});
