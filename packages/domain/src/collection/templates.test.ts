import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { context, plain } from "./template-fixture.ts";
import { assertValidTemplate, renderTemplate, templateFields, validateTemplate } from "./templates.ts";

describe("validate template", () => {
  it("accepts catalogue fields, with or without spaces, and lists them", () => {
    expect(validateTemplate("Dear {{debtor.name}}, {{ total_due }} { not a field }")).toEqual([]);
    expect(templateFields("{{debtor.name}} {{total_due}} {{debtor.name}}")).toEqual(["debtor.name", "total_due"]);
  });

  it("names the position and the field of each problem", () => {
    const text = "Hello {{debtor.name}},\nyou owe {{total_du}} since {{due_date\nthanks }} {{}}";
    // line 2: "you owe " is 8 characters, so "{{total_du}}" starts at column 9 and ends at 20; " since " → "{{" at 28
    // line 3: "thanks " is 7 characters, so "}}" is at column 8 and "{{}}" at 11
    expect(validateTemplate(text)).toEqual([
      { line: 2, column: 9, field: "total_du", message: 'unknown field "total_du"' },
      { line: 2, column: 28, message: '"{{" is not closed by "}}" on the same line' },
      { line: 3, column: 8, message: '"}}" has no opening "{{"' },
      { line: 3, column: 11, message: "empty field" },
    ]);
    expect(validateTemplate("{{debtor.name {{total_due}}")).toEqual([{ line: 1, column: 1, message: '"{{" is not closed by "}}" on the same line' }]);
  });

  it("throws a BAD_REQUEST listing line:column and the field", () => {
    try {
      assertValidTemplate("ok\n  {{company.nom}}");
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("BAD_REQUEST");
      expect((error as Error).message).toBe('Invalid template: 2:3: unknown field "company.nom"');
    }
  });
});

describe("render template", () => {
  it("formats money, dates, rates and the invoice list per locale", () => {
    const text = "{{debtor.name}} — {{date}} — {{total_due}} — {{penalty_rate}} — {{penalties}}\n{{invoices}}";
    // total 1 234,50 + 500,00 = 1 734,50; penalties 10,39 + 80,00 = 90,39; invoices oldest due first
    expect(plain(renderTemplate(text, context, "fr-FR"))).toBe(
      "Boulangerie Martin — 15 juillet 2025 — 1 734,50 € — 12,15 % — 90,39 €\n" +
        "- Facture F-2025-090, échéance 31/05/2025 : 500,00 €\n" +
        "- Facture F-2025-118 du 16/05/2025, échéance 15/06/2025 : 1 234,50 €",
    );
    expect(renderTemplate(text, context, "en-GB")).toBe(
      "Boulangerie Martin — 15 July 2025 — €1,734.50 — 12.15% — €90.39\n" +
        "- Invoice F-2025-090, due 31/05/2025: €500.00\n" +
        "- Invoice F-2025-118 of 16/05/2025, due 15/06/2025: €1,234.50",
    );
    expect(plain(renderTemplate("{{due_date}} {{default_interest_rate}} {{total_due}}", { ...context, invoices: [{ number: "R1", dueDate: "2025-03-05", openMinor: 7_000, currency: "CHF" }] }, "fr-CH"))).toBe(
      "5 mars 2025 5% 70.00 CHF",
    );
  });

  it("adds the totals of several currencies side by side", () => {
    const mixed = { ...context, invoices: [...context.invoices, { number: "R1", dueDate: "2025-03-05", openMinor: 7_000, currency: "CHF" as const }] };
    expect(renderTemplate("{{total_due}}", mixed, "en-GB")).toBe("€1,734.50 + CHF\u00a070.00");
  });

  it("refuses a field with no value rather than leave a hole", () => {
    const { penalties: _penalties, ...withoutPenalties } = context;
    expect(() => renderTemplate("Owed: {{total_due}}\nPenalties: {{penalties}}", withoutPenalties, "en-GB")).toThrow('Field "penalties" at 2:12 has no value for this message');
    expect(() => renderTemplate("{{nope}}", context, "en-GB")).toThrow('1:1: unknown field "nope"');
  });
});
