import { describe, expect, it } from "vitest";
import { formatInvoiceList, formatShortDate, formatTemplateDate, formatTemplateMoney, formatTemplatePercent, languageOf } from "./template-format.ts";
import { plain } from "./template-fixture.ts";

describe("template formatting", () => {
  it("formats money exactly, even beyond float precision", () => {
    expect(plain(formatTemplateMoney({ amountMinor: 123_450, currency: "EUR" }, "fr-FR"))).toBe("1 234,50 €");
    expect(plain(formatTemplateMoney({ amountMinor: 123_450, currency: "CHF" }, "fr-CH"))).toBe("1 234.50 CHF");
    expect(formatTemplateMoney({ amountMinor: 123_450, currency: "EUR" }, "en-GB")).toBe("€1,234.50");
    // 2^53 − 1 minor units: a float division by 100 would not print these digits
    expect(formatTemplateMoney({ amountMinor: Number.MAX_SAFE_INTEGER, currency: "EUR" }, "en-GB")).toBe("€90,071,992,547,409.91");
  });

  it("formats calendar dates without any time-zone shift", () => {
    expect(formatTemplateDate("2025-03-05", "fr-FR")).toBe("5 mars 2025");
    expect(formatTemplateDate("2025-12-31", "en-GB")).toBe("31 December 2025");
    expect(formatShortDate("2025-03-05", "fr-CH")).toBe("05.03.2025");
    expect(formatShortDate("2025-03-05", "fr-FR")).toBe("05/03/2025");
  });

  it("formats rates exactly, up to 4 decimals", () => {
    expect(plain(formatTemplatePercent("13.15", "fr-FR"))).toBe("13,15 %");
    expect(formatTemplatePercent("3.125", "en-GB")).toBe("3.125%");
    expect(formatTemplatePercent("5", "en-GB")).toBe("5%");
  });

  it("lists invoices oldest due first, in the reader's language", () => {
    const rows = [
      { number: "B", dueDate: "2025-06-15", openMinor: 100, currency: "EUR" as const },
      { number: "A", issueDate: "2025-04-01", dueDate: "2025-05-01", openMinor: 200, currency: "EUR" as const },
    ];
    expect(formatInvoiceList(rows, "en-GB")).toBe("- Invoice A of 01/04/2025, due 01/05/2025: €2.00\n- Invoice B, due 15/06/2025: €1.00");
    expect(languageOf("fr-CH")).toBe("fr");
  });
});
