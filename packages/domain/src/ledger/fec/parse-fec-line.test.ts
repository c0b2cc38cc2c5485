import { describe, expect, it } from "vitest";
import { FEC_COLUMNS, parseFecHeader } from "./fec-header.ts";
import { parseFecLine } from "./parse-fec-line.ts";

const header = parseFecHeader([...FEC_COLUMNS]);
const line = (overrides: Partial<Record<(typeof FEC_COLUMNS)[number], string>>) => {
  const base: Record<string, string> = {
    JournalCode: "VT", JournalLib: "Ventes", EcritureNum: "VT001", EcritureDate: "20260110", CompteNum: "411000",
    CompteLib: "Clients", CompAuxNum: "C001", CompAuxLib: "Dupont SA", PieceRef: "F001", PieceDate: "20260109",
    EcritureLib: "Facture F001", Debit: "1200,50", Credit: "0,00", EcritureLet: "", DateLet: "", ValidDate: "20260110",
    Montantdevise: "", Idevise: "",
  };
  return FEC_COLUMNS.map((c) => overrides[c] ?? base[c]!);
};

describe("parseFecLine", () => {
  it("reads a line with comma decimals and YYYYMMDD dates", () => {
    expect(parseFecLine(line({}), 2, header)).toEqual({
      ok: true,
      entry: {
        line: 2, journalCode: "VT", journalLib: "Ventes", ecritureNum: "VT001", ecritureDate: "2026-01-10",
        compteNum: "411000", compteLib: "Clients", compAuxNum: "C001", compAuxLib: "Dupont SA", pieceRef: "F001",
        pieceDate: "2026-01-09", ecritureLib: "Facture F001", debitMinor: 120050, creditMinor: 0, ecritureLet: "",
        dateLet: null, validDate: "2026-01-10", montantDeviseMinor: null, idevise: "",
      },
    });
  });

  it("accepts dot decimals, empty amounts and quoted fields", () => {
    const result = parseFecLine(line({ Debit: "", Credit: '"99.9"', EcritureLet: '"AA"', DateLet: "20260220" }), 3, header);
    expect(result.ok && result.entry).toMatchObject({ debitMinor: 0, creditMinor: 9990, ecritureLet: "AA", dateLet: "2026-02-20" });
  });

  it("names the line and column of a bad value", () => {
    expect(parseFecLine(line({ EcritureDate: "20260231" }), 12, header)).toEqual({
      ok: false,
      error: { line: 12, column: "EcritureDate", value: "20260231", message: 'line 12, EcritureDate ("20260231"): not a calendar date' },
    });
    const amount = parseFecLine(line({ Credit: "1.234,56" }), 13, header);
    expect(!amount.ok && amount.error.message).toBe('line 13, Credit ("1.234,56"): unexpected thousands separator');
    const missing = parseFecLine(line({ CompteNum: " " }), 14, header);
    expect(!missing.ok && missing.error.message).toBe("line 14, CompteNum: required");
  });

  it("reads Montant/Sens", () => {
    const variant = parseFecHeader(FEC_COLUMNS.map((c) => (c === "Debit" ? "Montant" : c === "Credit" ? "Sens" : c)));
    const debit = parseFecLine(line({ Debit: "10,00", Credit: "D" }), 2, variant);
    const credit = parseFecLine(line({ Debit: "10,00", Credit: "c" }), 3, variant);
    expect(debit.ok && [debit.entry.debitMinor, debit.entry.creditMinor]).toEqual([1000, 0]);
    expect(credit.ok && [credit.entry.debitMinor, credit.entry.creditMinor]).toEqual([0, 1000]);
    const bad = parseFecLine(line({ Debit: "10,00", Credit: "X" }), 4, variant);
    expect(!bad.ok && bad.error.message).toBe('line 4, Sens ("X"): must be D or C');
  });
});
