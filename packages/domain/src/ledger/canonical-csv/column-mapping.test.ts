import { describe, expect, it } from "vitest";
import { checkMapping, DEFAULT_IMPORT_OPTIONS, resolveMapping, type ColumnMapping } from "./column-mapping.ts";

const header = ["Code", "Nom", "Facture", "Émise", "Échéance", "TTC", "Dû"];
const mapping: ColumnMapping = {
  columns: { debtor_external_id: "code", debtor_name: 1, invoice_number: "Facture", issue_date: "Émise", due_date: "Échéance", amount: "TTC", open_amount: 6 },
  defaults: { debtor_country: "FR", debtor_segment: "b2b", currency: "EUR" },
  options: DEFAULT_IMPORT_OPTIONS,
};

describe("resolveMapping", () => {
  it("finds columns by name (trimmed, case-insensitive) or 0-based index", () => {
    const { resolved, problems } = resolveMapping(header, mapping);
    expect(problems).toEqual([]);
    expect(resolved.debtor_external_id).toEqual({ index: 0, name: "Code" });
    expect(resolved.debtor_name).toEqual({ index: 1, name: "Nom" });
    expect(resolved.open_amount).toEqual({ index: 6, name: "Dû" });
  });

  it("reports unknown columns and unmapped required fields", () => {
    const broken: ColumnMapping = { ...mapping, columns: { ...mapping.columns, amount: "Montant", open_amount: 9 }, defaults: {} };
    expect(checkMapping(header, broken).map((p) => p.message)).toEqual([
      'amount: column "Montant" is not in the file\'s header',
      "open_amount: column index 9 is not in the file's header",
      "debtor_country: required, but no column is mapped and no default is set",
      "debtor_segment: required, but no column is mapped and no default is set",
      "currency: required, but no column is mapped and no default is set",
    ]);
  });
});
