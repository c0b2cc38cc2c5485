/**
 * The canonical open-items CSV: one row per open invoice (or credit note), carrying its debtor's fields. This list
 * is the single source for the README's column table, the import screen and the validation.
 */
export interface CanonicalColumn {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

export const CANONICAL_COLUMNS = [
  { name: "debtor_external_id", required: true, description: "Customer code in the source system; links rows of one debtor" },
  { name: "debtor_name", required: true, description: "Customer name (legal name)" },
  { name: "debtor_country", required: true, description: "ISO 3166-1 alpha-2 country code, e.g. FR, CH" },
  { name: "debtor_segment", required: true, description: "b2b or b2c (decides penalties and the €40 indemnity)" },
  { name: "debtor_identifier", required: false, description: "SIREN (9 digits), SIRET (14 digits) or Swiss UID (CHE-123.456.789)" },
  { name: "debtor_email", required: false, description: "Address for reminders" },
  { name: "debtor_language", required: false, description: "fr, en, de or it" },
  { name: "debtor_payment_terms_days", required: false, description: "Agreed payment terms in days (0–365)" },
  { name: "invoice_external_id", required: false, description: "Invoice id in the source system; defaults to invoice_number" },
  { name: "invoice_number", required: true, description: "Invoice number as printed" },
  { name: "issue_date", required: true, description: "Invoice date" },
  { name: "due_date", required: true, description: "Payment date printed on the invoice; not before issue_date" },
  { name: "amount", required: true, description: "Invoice total including tax, decimal" },
  { name: "open_amount", required: true, description: "Amount still due, decimal; same sign as amount and not larger" },
  { name: "currency", required: true, description: "EUR or CHF" },
  { name: "po_number", required: false, description: "Customer purchase-order number" },
  { name: "payment_reference", required: false, description: "QR reference (27 digits), RF creditor reference or other" },
  {
    name: "document_type",
    required: false,
    description: "invoice or credit_note; a credit note may carry negative amounts or positive ones (made negative)",
  },
] as const satisfies readonly CanonicalColumn[];

export type CanonicalField = (typeof CANONICAL_COLUMNS)[number]["name"];

export const CANONICAL_FIELDS: readonly CanonicalField[] = CANONICAL_COLUMNS.map((column) => column.name);

export const REQUIRED_FIELDS: readonly CanonicalField[] = CANONICAL_COLUMNS.filter((c) => c.required).map((c) => c.name);
