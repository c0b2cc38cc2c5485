import { describe, expect, it } from "vitest";
import { detectDateFormat, parseDateText, tryParseDateText } from "./parse-date-text.ts";

describe("parseDateText", () => {
  it.each([
    ["2026-03-31", "YYYY-MM-DD", "2026-03-31"],
    ["31/03/2026", "DD/MM/YYYY", "2026-03-31"],
    ["1/3/2026", "DD/MM/YYYY", "2026-03-01"],
    ["31.03.2026", "DD.MM.YYYY", "2026-03-31"],
    ["20260331", "YYYYMMDD", "2026-03-31"],
    ["03/31/2026", "MM/DD/YYYY", "2026-03-31"],
    [" 29/02/2024 ", "DD/MM/YYYY", "2024-02-29"],
  ] as const)("reads %j as %s", (text, format, expected) => {
    expect(parseDateText(text, format)).toBe(expected);
  });

  it("rejects impossible dates and wrong layouts with a reason", () => {
    expect(() => parseDateText("31/02/2026", "DD/MM/YYYY")).toThrow('Date "31/02/2026": not a calendar date');
    expect(tryParseDateText("29/02/2025", "DD/MM/YYYY")).toEqual({ ok: false, reason: "not a calendar date" });
    expect(tryParseDateText("20261301", "YYYYMMDD")).toEqual({ ok: false, reason: "not a calendar date" });
    expect(tryParseDateText("2026-03-31", "DD/MM/YYYY")).toEqual({ ok: false, reason: "not a date in the form DD/MM/YYYY" });
    expect(tryParseDateText("", "auto")).toEqual({ ok: false, reason: "empty" });
    expect(tryParseDateText("tomorrow", "auto")).toEqual({ ok: false, reason: "not a date" });
  });

  it("guesses each value's layout in auto mode, day-first for slashes", () => {
    expect(parseDateText("2026-03-31", "auto")).toBe("2026-03-31");
    expect(parseDateText("20260331", "auto")).toBe("2026-03-31");
    expect(parseDateText("31.03.2026", "auto")).toBe("2026-03-31");
    expect(parseDateText("01/02/2026", "auto")).toBe("2026-02-01");
    expect(parseDateText("02/13/2026", "auto")).toBe("2026-02-13");
    expect(() => parseDateText("31/02/2026", "auto")).toThrow("not a calendar date");
  });
});

describe("detectDateFormat", () => {
  it("picks the layout all samples share", () => {
    expect(detectDateFormat(["31/01/2026", "01/02/2026", ""])).toBe("DD/MM/YYYY");
    expect(detectDateFormat(["01/31/2026", "02/01/2026"])).toBe("MM/DD/YYYY");
    expect(detectDateFormat(["01/02/2026", "03/04/2026"])).toBe("DD/MM/YYYY");
    expect(detectDateFormat(["20260131", "20260201"])).toBe("YYYYMMDD");
    expect(detectDateFormat(["2026-01-31"])).toBe("YYYY-MM-DD");
    expect(detectDateFormat(["31.01.2026"])).toBe("DD.MM.YYYY");
  });

  it("gives up on mixed or missing evidence", () => {
    expect(detectDateFormat(["31/01/2026", "01/31/2026"])).toBeUndefined();
    expect(detectDateFormat(["2026-01-31", "31/01/2026"])).toBeUndefined();
    expect(detectDateFormat(["", " "])).toBeUndefined();
  });
});
