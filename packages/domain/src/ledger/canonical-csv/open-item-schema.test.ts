import { describe, expect, it } from "vitest";
import { CANONICAL_FIELDS } from "./canonical-columns.ts";
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from "./column-mapping.ts";
import { openItemFastParser, openItemSchema } from "./open-item-schema.ts";

const base: Record<string, string> = {
  debtor_external_id: "C042", debtor_name: "Boulangerie Dupont SARL", debtor_country: "fr", debtor_segment: "B2B",
  debtor_identifier: "123 456 782", debtor_email: "compta@dupont.example", debtor_language: "FR", debtor_payment_terms_days: "45",
  invoice_external_id: "X-1", invoice_number: "F-2026-0042", issue_date: "2026-01-15", due_date: "2026-02-28", amount: "1234.56",
  open_amount: "234.56", currency: "eur", po_number: "PO-7", payment_reference: "RF18 5390 0754 7034", document_type: "facture",
};

/** Values tried in each field, one field at a time: valid ones, odd ones and wrong ones. */
const samples: Record<string, string[]> = {
  debtor_external_id: ["D", "x".repeat(100), "x".repeat(101)],
  debtor_name: ["Ü", "n".repeat(200), "n".repeat(201)],
  debtor_country: ["CH", "ch", "XX", "FRA"],
  debtor_segment: ["b2c", "Particulier", "entreprise", "pro"],
  debtor_identifier: ["12345678200010", "CHE-116.281.710", "123", "123456789"],
  debtor_email: ["a@b.ch", "not-an-email", "a@b"],
  debtor_language: ["de", "IT", "es"],
  debtor_payment_terms_days: ["0", "365", "366", "30.5", "-1"],
  invoice_external_id: ["i".repeat(100), "i".repeat(101)],
  invoice_number: ["1", "n".repeat(101)],
  issue_date: ["2026-02-29", "2024-02-29", "2026-03-01", "15/01/2026", "2026-13-01"],
  due_date: ["2026-01-14", "2026-01-15", "2027-01-01", "soon"],
  amount: ["0", "-1234.56", "1 234,56", "1234.567", "12,345", "abc", "234.55", "-0.01"],
  open_amount: ["0", "-234.56", "1234.57", "234.5", "x"],
  currency: ["CHF", "€", "fr.", "USD"],
  po_number: ["p".repeat(100), "p".repeat(101)],
  payment_reference: ["210000000003139471430009017", "210000000003139471430009018", "RF00 0000", "ABC-123"],
  document_type: ["credit note", "Avoir", "invoice", "bill"],
};

const inputs = (): Record<string, string>[] => {
  const all: Record<string, string>[] = [{ ...base }];
  for (const field of CANONICAL_FIELDS) {
    const { [field]: _dropped, ...without } = base;
    all.push(without);
    for (const value of samples[field] ?? []) all.push({ ...base, [field]: value });
    for (const value of samples[field] ?? []) all.push({ ...base, document_type: "avoir", amount: "-1234.56", open_amount: "-1.00", [field]: value });
  }
  return all;
};

describe("openItemFastParser", () => {
  it.each<Partial<ImportOptions>>([{}, { decimalSeparator: "," }, { dateFormat: "YYYY-MM-DD", decimalSeparator: "." }])(
    "accepts exactly the rows the schema accepts, with the same values (%o)",
    (overrides) => {
      const options = { ...DEFAULT_IMPORT_OPTIONS, ...overrides };
      const schema = openItemSchema(options);
      const fast = openItemFastParser(options);
      let accepted = 0;
      // amounts written the way the chosen separator reads them
      const swap = (text: string) => text.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
      const written = (input: Record<string, string>) =>
        options.decimalSeparator !== "," ? input
          : { ...input, ...(input.amount && { amount: swap(input.amount) }), ...(input.open_amount && { open_amount: swap(input.open_amount) }) };
      for (const input of inputs().map(written)) {
        const expected = schema.safeParse(input);
        const actual = fast(input);
        if (expected.success) accepted += 1;
        expect({ input, row: actual }).toEqual({ input, row: expected.success ? expected.data : null });
      }
      expect(accepted).toBeGreaterThan(20);
    },
  );
});
