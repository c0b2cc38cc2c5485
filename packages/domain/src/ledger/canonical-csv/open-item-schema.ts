import { z } from "zod";
import { CURRENCIES, type Currency } from "../../money.ts";
import { parseCompanyIdentifier } from "../company-identifier.ts";
import { tryParseDateText } from "../csv/parse-date-text.ts";
import { tryParseDecimalAmount } from "../decimal-amount.ts";
import { isIsoCountryCode } from "../iso-country-codes.ts";
import type { ParseOutcome } from "../ledger-errors.ts";
import { classifyReference } from "../payment-reference.ts";
import type { ImportOptions } from "./column-mapping.ts";

/**
 * Zod schema of one canonical row. Input: the trimmed cells by canonical name, empty cells absent. Each reason is
 * short and value-free; `map-record.ts` frames it with the line, the field, the source column and the value.
 */
const text = (max: number) => z.string({ error: "required" }).max(max, `longer than ${max} characters`);

const fromOutcome = <T>(parse: (value: string) => ParseOutcome<T>) =>
  z.string({ error: "required" }).transform((value, ctx): T => {
    const outcome = parse(value);
    if (outcome.ok) return outcome.value;
    ctx.addIssue({ code: "custom", message: outcome.reason, input: value });
    return z.NEVER;
  });

const lookup = <T>(table: Record<string, T>, reason: string) =>
  fromOutcome<T>((value) => {
    const found = table[value.toLowerCase().replace(/[\s_-]+/g, " ")];
    return found === undefined ? { ok: false, reason } : { ok: true, value: found };
  });

const SEGMENTS: Record<string, "b2b" | "b2c"> = { b2b: "b2b", b2c: "b2c", professionnel: "b2b", entreprise: "b2b", particulier: "b2c", consommateur: "b2c" };
const LANGUAGES: Record<string, "fr" | "en" | "de" | "it"> = { fr: "fr", en: "en", de: "de", it: "it" };
const DOCUMENT_TYPES: Record<string, "invoice" | "credit_note"> = {
  invoice: "invoice", facture: "invoice", rechnung: "invoice",
  "credit note": "credit_note", avoir: "credit_note", "note de credit": "credit_note", gutschrift: "credit_note",
};
const CURRENCY_ALIASES: Record<string, Currency> = { eur: "EUR", "€": "EUR", chf: "CHF", "fr.": "CHF" };

const paymentReference = fromOutcome((value) => {
  const reference = classifyReference(value);
  if (reference.problem !== undefined) return { ok: false, reason: reference.problem };
  return { ok: true, value: { kind: reference.kind as "QRR" | "SCOR" | "OTHER", normalized: reference.normalized } };
});

const termsDays = fromOutcome((value) =>
  /^\d{1,3}$/.test(value) && Number(value) <= 365 ? { ok: true, value: Number(value) } : { ok: false, reason: "must be a whole number of days from 0 to 365" },
);

const fieldsSchema = (options: ImportOptions) => {
  const amount = fromOutcome((value) => tryParseDecimalAmount(value, { decimalSeparator: options.decimalSeparator }));
  const date = fromOutcome((value) => tryParseDateText(value, options.dateFormat));
  return z.object({
    debtor_external_id: text(100),
    debtor_name: text(200),
    debtor_country: fromOutcome((value) =>
      isIsoCountryCode(value.toUpperCase()) ? { ok: true, value: value.toUpperCase() } : { ok: false, reason: "not an ISO 3166 country code (e.g. FR, CH)" },
    ),
    debtor_segment: lookup(SEGMENTS, "must be b2b or b2c"),
    debtor_identifier: fromOutcome(parseCompanyIdentifier).optional(),
    debtor_email: z.email({ error: "not an email address" }).optional(),
    debtor_language: lookup(LANGUAGES, "must be fr, en, de or it").optional(),
    debtor_payment_terms_days: termsDays.optional(),
    invoice_external_id: text(100).optional(),
    invoice_number: text(100),
    issue_date: date,
    due_date: date,
    amount,
    open_amount: amount,
    currency: lookup(CURRENCY_ALIASES, `must be ${CURRENCIES.join(" or ")}`),
    po_number: text(100).optional(),
    payment_reference: paymentReference.optional(),
    document_type: lookup(DOCUMENT_TYPES, "must be invoice or credit_note").optional(),
  });
};

type Fields = z.output<ReturnType<typeof fieldsSchema>>;

/** Credit notes end up negative; open and total must agree in sign and open may not exceed the total. */
const reconcile = (row: Fields, issue: (field: keyof Fields, message: string) => void) => {
  if (row.document_type === "invoice" && row.amount < 0) issue("amount", "negative on an invoice; use document_type credit_note");
  if (row.amount !== 0 && row.open_amount !== 0 && Math.sign(row.amount) !== Math.sign(row.open_amount)) {
    issue("open_amount", "must have the same sign as amount");
  } else if (Math.abs(row.open_amount) > Math.abs(row.amount)) issue("open_amount", "larger than amount");
  if (row.due_date < row.issue_date) issue("due_date", `before issue_date ${row.issue_date}`);
  const credit = row.document_type === "credit_note" || (row.document_type === undefined && row.amount < 0);
  const signed = (value: number) => (credit ? -Math.abs(value) : value);
  return { ...row, amount: signed(row.amount), open_amount: signed(row.open_amount), document_type: credit ? ("credit_note" as const) : ("invoice" as const) };
};

/** Cross-field checks run only once every field parsed (zod skips a pipe's transform after issues). */
export const openItemSchema = (options: ImportOptions) =>
  fieldsSchema(options).transform((row, ctx) =>
    reconcile(row, (field, message) => ctx.addIssue({ code: "custom", message, path: [field], input: row[field] })),
  );

export type OpenItemFields = z.output<ReturnType<typeof openItemSchema>>;
