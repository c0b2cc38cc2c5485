import { describe, expect, it } from "vitest";
import { CANONICAL_FIELDS } from "./canonical-columns.ts";
import { DEFAULT_IMPORT_OPTIONS, type ColumnMapping } from "./column-mapping.ts";
import { createRecordMapper, mapRecord, type ImportRowError } from "./map-record.ts";

const canonicalHeader = [...CANONICAL_FIELDS];
const canonicalMapping: ColumnMapping = {
  columns: Object.fromEntries(CANONICAL_FIELDS.map((f) => [f, f])),
  options: { ...DEFAULT_IMPORT_OPTIONS, decimalSeparator: ",", dateFormat: "DD/MM/YYYY" },
};

const validCells: Record<string, string> = {
  debtor_external_id: "C042",
  debtor_name: "Boulangerie Dupont SARL",
  debtor_country: "fr",
  debtor_segment: "B2B",
  debtor_identifier: "123 456 782",
  debtor_email: "compta@dupont.example",
  debtor_language: "FR",
  debtor_payment_terms_days: "45",
  invoice_external_id: "",
  invoice_number: "F-2026-0042",
  issue_date: "15/01/2026",
  due_date: "28/02/2026",
  amount: "1 234,56",
  open_amount: "234,56",
  currency: "eur",
  po_number: "PO-7",
  payment_reference: "RF18 5390 0754 7034",
  document_type: "",
};

const recordOf = (overrides: Record<string, string>, line = 14) => ({
  line,
  fields: CANONICAL_FIELDS.map((f) => overrides[f] ?? validCells[f] ?? ""),
});

const errorsOf = (overrides: Record<string, string>): ImportRowError[] => {
  const result = mapRecord(recordOf(overrides), canonicalHeader, canonicalMapping);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
};

describe("mapRecord", () => {
  it("maps a valid canonical row to a typed open item", () => {
    expect(mapRecord(recordOf({}), canonicalHeader, canonicalMapping)).toEqual({
      ok: true,
      row: {
        line: 14,
        debtor: {
          externalId: "C042",
          name: "Boulangerie Dupont SARL",
          country: "FR",
          segment: "b2b",
          identifier: { kind: "SIREN", value: "123456782" },
          email: "compta@dupont.example",
          language: "fr",
          paymentTermsDays: 45,
        },
        invoice: {
          externalId: "F-2026-0042",
          number: "F-2026-0042",
          issueDate: "2026-01-15",
          dueDate: "2026-02-28",
          amountMinor: 123456,
          openMinor: 23456,
          currency: "EUR",
          poNumber: "PO-7",
          paymentReference: { kind: "SCOR", normalized: "RF18539007547034" },
          documentType: "invoice",
        },
      },
    });
  });

  it("names line, field and value in every error", () => {
    expect(errorsOf({ due_date: "31/02/2026" })).toEqual([
      {
        line: 14,
        field: "due_date",
        column: "due_date",
        value: "31/02/2026",
        reason: "not a calendar date",
        message: 'line 14, due_date ("31/02/2026"): not a calendar date',
      },
    ]);
  });

  it("reports all field problems of a row at once", () => {
    const messages = errorsOf({
      debtor_name: "",
      debtor_country: "XX",
      currency: "USD",
      amount: "12,345,67",
      debtor_email: "nope",
      debtor_identifier: "123456783",
      payment_reference: "210000000003139471430009016",
      debtor_payment_terms_days: "400",
    }).map((e) => e.message);
    expect(messages).toEqual([
      "line 14, debtor_name: required",
      'line 14, debtor_country ("XX"): not an ISO 3166 country code (e.g. FR, CH)',
      'line 14, debtor_identifier ("123456783"): SIREN check digit is wrong',
      'line 14, debtor_email ("nope"): not an email address',
      'line 14, debtor_payment_terms_days ("400"): must be a whole number of days from 0 to 365',
      'line 14, amount ("12,345,67"): "," appears more than once',
      'line 14, currency ("USD"): must be EUR or CHF',
      'line 14, payment_reference ("210000000003139471430009016"): QR reference check digit is wrong',
    ]);
  });

  it("checks amounts and dates against each other once the fields parse", () => {
    expect(errorsOf({ open_amount: "2 000,00" }).map((e) => e.message)).toEqual(['line 14, open_amount ("2 000,00"): larger than amount']);
    expect(errorsOf({ open_amount: "-1,00" }).map((e) => e.reason)).toEqual(["must have the same sign as amount"]);
    expect(errorsOf({ due_date: "14/01/2026" }).map((e) => e.message)).toEqual(['line 14, due_date ("14/01/2026"): before issue_date 2026-01-15']);
    expect(errorsOf({ amount: "-10,00", open_amount: "-5,00", document_type: "invoice" }).map((e) => e.reason)).toEqual([
      "negative on an invoice; use document_type credit_note",
    ]);
  });

  it("makes credit notes negative, whether typed or signed", () => {
    const typed = mapRecord(recordOf({ document_type: "avoir", amount: "100,00", open_amount: "100,00" }), canonicalHeader, canonicalMapping);
    const signed = mapRecord(recordOf({ amount: "-100,00", open_amount: "-40,00" }), canonicalHeader, canonicalMapping);
    expect(typed.ok && typed.row.invoice).toMatchObject({ amountMinor: -10000, openMinor: -10000, documentType: "credit_note" });
    expect(signed.ok && signed.row.invoice).toMatchObject({ amountMinor: -10000, openMinor: -4000, documentType: "credit_note" });
  });

  it("accepts a valid QR reference and keeps other references as they are", () => {
    const qrr = mapRecord(recordOf({ payment_reference: "21 00000 00003 13947 14300 09017" }), canonicalHeader, canonicalMapping);
    expect(qrr.ok && qrr.row.invoice.paymentReference).toEqual({ kind: "QRR", normalized: "210000000003139471430009017" });
    const other = mapRecord(recordOf({ payment_reference: "Facture 42" }), canonicalHeader, canonicalMapping);
    expect(other.ok && other.row.invoice.paymentReference).toEqual({ kind: "OTHER", normalized: "FACTURE42" });
  });
});

describe("createRecordMapper with a French export", () => {
  const header = ["Code client", "Client", "N° facture", "Date facture", "Date d'échéance", "Montant TTC", "Reste dû", "IDE"];
  const mapping: ColumnMapping = {
    columns: {
      debtor_external_id: "Code client",
      debtor_name: "Client",
      invoice_number: "N° facture",
      issue_date: "Date facture",
      due_date: "Date d'échéance",
      amount: "Montant TTC",
      open_amount: "Reste dû",
      debtor_identifier: "IDE",
    },
    defaults: { debtor_country: "CH", debtor_segment: "b2b", currency: "CHF" },
    options: DEFAULT_IMPORT_OPTIONS,
  };

  it("uses defaults and names the source column in errors", () => {
    const map = createRecordMapper(header, mapping);
    const ok = map({ line: 2, fields: ["K1", "Muster AG", "R-1", "01.03.2026", "31.03.2026", "12'345.60", "345.60", "CHE-116.281.710"] });
    expect(ok.ok && ok.row.debtor).toMatchObject({ country: "CH", identifier: { kind: "CHE_UID", value: "CHE-116.281.710" } });
    expect(ok.ok && ok.row.invoice).toMatchObject({ currency: "CHF", amountMinor: 1234560, openMinor: 34560, issueDate: "2026-03-01" });
    const bad = map({ line: 3, fields: ["K1", "Muster AG", "R-2", "01.03.2026", "31.02.2026", "100", "100"] });
    expect(!bad.ok && bad.errors.map((e) => e.message)).toEqual([`line 3, due_date [column "Date d'échéance"] ("31.02.2026"): not a calendar date`]);
  });

  it("refuses a mapping that does not fit the header", () => {
    expect(() => createRecordMapper(["Code client"], mapping)).toThrow(/The column mapping does not fit this file: debtor_name: column "Client"/);
  });

  it("reports defaults as the source of a bad value", () => {
    const map = createRecordMapper(header, { ...mapping, defaults: { ...mapping.defaults, currency: "USD" } });
    const bad = map({ line: 5, fields: ["K1", "Muster AG", "R-1", "01.03.2026", "31.03.2026", "1", "1"] });
    expect(!bad.ok && bad.errors[0]).toMatchObject({ column: "(default)", message: 'line 5, currency [column "(default)"] ("USD"): must be EUR or CHF' });
  });
});
