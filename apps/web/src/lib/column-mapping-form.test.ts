import { describe, expect, it } from "vitest";
import { columnChoiceOf, columnRefOf, isMissingChoice, withColumn, withDefault, withOption } from "./column-mapping-form.ts";

const header = ["Code client", "Raison sociale", "Montant", "montant ", ""];
const empty = { columns: {}, options: { delimiter: "auto", decimalSeparator: "auto", dateFormat: "auto", encoding: "auto" } } as const;

describe("column mapping form", () => {
  it("shows a mapped column by its position, matching names as the server does (trimmed, any case)", () => {
    expect(columnChoiceOf(header, undefined)).toBe("");
    expect(columnChoiceOf(header, "raison SOCIALE ")).toBe("1");
    expect(columnChoiceOf(header, 0)).toBe("0");
  });

  it("keeps a column the file does not have visible, as missing", () => {
    expect(columnChoiceOf(header, "Devise")).toBe("missing:Devise");
    expect(isMissingChoice(columnChoiceOf(header, 9))).toBe(true);
    expect(columnRefOf(header, "missing:Devise")).toBeUndefined();
  });

  it("stores a unique header name, else the position", () => {
    expect(columnRefOf(header, "1")).toBe("Raison sociale");
    // "Montant" and "montant " are the same name for the server: only the position is unambiguous
    expect(columnRefOf(header, "2")).toBe(2);
    expect(columnRefOf(header, "4")).toBe(4);
    expect(columnRefOf(header, "")).toBeUndefined();
  });

  it("edits columns, defaults and options without touching the rest", () => {
    const mapped = withColumn(empty, "debtor_name", "Raison sociale");
    expect(mapped.columns).toEqual({ debtor_name: "Raison sociale" });
    expect(withColumn(mapped, "debtor_name", undefined).columns).toEqual({});
    const defaulted = withDefault(mapped, "currency", "EUR");
    expect(defaulted.defaults).toEqual({ currency: "EUR" });
    expect(withDefault(defaulted, "currency", "").defaults).toBeUndefined();
    expect(withOption(defaulted, "delimiter", ";")).toEqual({ ...defaulted, options: { ...empty.options, delimiter: ";" } });
  });
});
