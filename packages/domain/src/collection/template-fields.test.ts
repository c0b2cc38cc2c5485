import { describe, expect, it } from "vitest";
import { templateFieldNamed, TEMPLATE_FIELDS, totalsOf, type TemplateContext } from "./template-fields.ts";
import { context } from "./template-fixture.ts";

const read = (name: string, ctx: TemplateContext = context) => templateFieldNamed(name)!.read(ctx);

describe("template fields", () => {
  it("is a catalogue of unique names", () => {
    expect(new Set(TEMPLATE_FIELDS.map((f) => f.name)).size).toBe(TEMPLATE_FIELDS.length);
    expect(templateFieldNamed("debtor.nme")).toBeUndefined();
  });

  it("derives totals, the oldest due date and the penalties from the context", () => {
    // 1 234.50 + 500.00 = 1 734.50 EUR
    expect(read("total_due")).toEqual({ kind: "money", amounts: [{ amountMinor: 173_450, currency: "EUR" }] });
    expect(read("due_date")).toEqual({ kind: "date", date: "2025-05-31" });
    expect(read("invoice_count")).toEqual({ kind: "text", text: "2" });
    // interest 10.39 + indemnity 80.00 = 90.39; with the invoices 1 734.50 + 90.39 = 1 824.89
    expect(read("penalties")).toEqual({ kind: "money", amounts: [{ amountMinor: 9_039, currency: "EUR" }] });
    expect(read("total_with_penalties")).toEqual({ kind: "money", amounts: [{ amountMinor: 182_489, currency: "EUR" }] });
    expect(read("penalty_rate")).toEqual({ kind: "percent", ratePercent: "12.15" });
  });

  it("has no value where the context has none", () => {
    const bare: TemplateContext = { company: { name: "A" }, debtor: { name: "B", address: "" }, date: "2025-01-01", invoices: [] };
    for (const name of ["company.iban", "debtor.address", "sender.name", "pay_by", "due_date", "invoices", "total_due", "penalties", "total_with_penalties", "legal_rate"]) {
      expect(read(name, bare), name).toBeUndefined();
    }
  });

  it("totals per currency in CURRENCIES order", () => {
    expect(totalsOf([
      { number: "1", dueDate: "2025-01-01", openMinor: 100, currency: "CHF" },
      { number: "2", dueDate: "2025-01-01", openMinor: 250, currency: "EUR" },
      { number: "3", dueDate: "2025-01-01", openMinor: 50, currency: "CHF" },
    ])).toEqual([{ amountMinor: 250, currency: "EUR" }, { amountMinor: 150, currency: "CHF" }]);
  });
});
