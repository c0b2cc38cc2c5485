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

const lookupIn = <T>(table: Record<string, T>, reason: string) => (value: string): ParseOutcome<T> => {
  const found = table[value.toLowerCase().replace(/[\s_-]+/g, " ")];
  return found === undefined ? { ok: false, reason } : { ok: true, value: found };
};

const SEGMENTS: Record<string, "b2b" | "b2c"> = { b2b: "b2b", b2c: "b2c", professionnel: "b2b", entreprise: "b2b", particulier: "b2c", consommateur: "b2c" };
const LANGUAGES: Record<string, "fr" | "en" | "de" | "it"> = { fr: "fr", en: "en", de: "de", it: "it" };
const DOCUMENT_TYPES: Record<string, "invoice" | "credit_note"> = {
  invoice: "invoice", facture: "invoice", rechnung: "invoice",
  "credit note": "credit_note", avoir: "credit_note", "note de credit": "credit_note", gutschrift: "credit_note",
};
const CURRENCY_ALIASES: Record<string, Currency> = { eur: "EUR", "€": "EUR", chf: "CHF", "fr.": "CHF" };

const parsePaymentReference = (value: string): ParseOutcome<{ kind: "QRR" | "SCOR" | "OTHER"; normalized: string }> => {
  const reference = classifyReference(value);
  if (reference.problem !== undefined) return { ok: false, reason: reference.problem };
  return { ok: true, value: { kind: reference.kind as "QRR" | "SCOR" | "OTHER", normalized: reference.normalized } };
};
const paymentReference = fromOutcome(parsePaymentReference);

const parseTermsDays = (value: string): ParseOutcome<number> =>
  /^\d{1,3}$/.test(value) && Number(value) <= 365 ? { ok: true, value: Number(value) } : { ok: false, reason: "must be a whole number of days from 0 to 365" };
const termsDays = fromOutcome(parseTermsDays);

const parseCountry = (value: string): ParseOutcome<string> =>
  isIsoCountryCode(value.toUpperCase()) ? { ok: true, value: value.toUpperCase() } : { ok: false, reason: "not an ISO 3166 country code (e.g. FR, CH)" };
const parseSegment = lookupIn(SEGMENTS, "must be b2b or b2c");
const parseLanguage = lookupIn(LANGUAGES, "must be fr, en, de or it");
const parseCurrency = lookupIn(CURRENCY_ALIASES, `must be ${CURRENCIES.join(" or ")}`);
const parseDocumentType = lookupIn(DOCUMENT_TYPES, "must be invoice or credit_note");

const EMAIL = z.email({ error: "not an email address" });

const fieldsSchema = (options: ImportOptions) => {
  const amount = fromOutcome((value) => tryParseDecimalAmount(value, { decimalSeparator: options.decimalSeparator }));
  const date = fromOutcome((value) => tryParseDateText(value, options.dateFormat));
  return z.object({
    debtor_external_id: text(100),
    debtor_name: text(200),
    debtor_country: fromOutcome(parseCountry),
    debtor_segment: fromOutcome(parseSegment),
    debtor_identifier: fromOutcome(parseCompanyIdentifier).optional(),
    debtor_email: EMAIL.optional(),
    debtor_language: fromOutcome(parseLanguage).optional(),
    debtor_payment_terms_days: termsDays.optional(),
    invoice_external_id: text(100).optional(),
    invoice_number: text(100),
    issue_date: date,
    due_date: date,
    amount,
    open_amount: amount,
    currency: fromOutcome(parseCurrency),
    po_number: text(100).optional(),
    payment_reference: paymentReference.optional(),
    document_type: fromOutcome(parseDocumentType).optional(),
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

/**
 * The same rules as `openItemSchema`, for a million-row file: plain calls of the same field parsers, no zod
 * machinery per row. Returns the parsed row, or null when anything is wrong: the caller then runs the zod schema,
 * which names every problem exactly as before.
 */
export const openItemFastParser = (options: ImportOptions) => {
  const amount = (value: string) => tryParseDecimalAmount(value, { decimalSeparator: options.decimalSeparator });
  const date = (value: string) => tryParseDateText(value, options.dateFormat);
  const text = (value: string | undefined, max: number) => (value !== undefined && value.length <= max ? value : null);
  return (input: Partial<Record<keyof Fields, string>>): OpenItemFields | null => {
    const debtorExternalId = text(input.debtor_external_id, 100);
    const debtorName = text(input.debtor_name, 200);
    const invoiceNumber = text(input.invoice_number, 100);
    if (debtorExternalId === null || debtorName === null || invoiceNumber === null) return null;
    const optional = <T>(value: string | undefined, parse: (value: string) => ParseOutcome<T>): { ok: boolean; value?: T } => {
      if (value === undefined) return { ok: true };
      const outcome = parse(value);
      return outcome.ok ? { ok: true, value: outcome.value } : { ok: false };
    };
    const required = <T>(value: string | undefined, parse: (value: string) => ParseOutcome<T>): ParseOutcome<T> | null =>
      value === undefined ? null : parse(value);
    const country = required(input.debtor_country, parseCountry);
    const segment = required(input.debtor_segment, parseSegment);
    const issueDate = required(input.issue_date, date);
    const dueDate = required(input.due_date, date);
    const total = required(input.amount, amount);
    const open = required(input.open_amount, amount);
    const currency = required(input.currency, parseCurrency);
    if (!country?.ok || !segment?.ok || !issueDate?.ok || !dueDate?.ok || !total?.ok || !open?.ok || !currency?.ok) return null;
    const identifier = optional(input.debtor_identifier, parseCompanyIdentifier);
    const language = optional(input.debtor_language, parseLanguage);
    const terms = optional(input.debtor_payment_terms_days, parseTermsDays);
    const reference = optional(input.payment_reference, parsePaymentReference);
    const documentType = optional(input.document_type, parseDocumentType);
    if (!identifier.ok || !language.ok || !terms.ok || !reference.ok || !documentType.ok) return null;
    if (input.debtor_email !== undefined && !EMAIL.safeParse(input.debtor_email).success) return null;
    const invoiceExternalId = input.invoice_external_id === undefined ? undefined : text(input.invoice_external_id, 100);
    const poNumber = input.po_number === undefined ? undefined : text(input.po_number, 100);
    if (invoiceExternalId === null || poNumber === null) return null;
    const fields: Fields = {
      debtor_external_id: debtorExternalId,
      debtor_name: debtorName,
      debtor_country: country.value,
      debtor_segment: segment.value,
      debtor_identifier: identifier.value,
      debtor_email: input.debtor_email,
      debtor_language: language.value,
      debtor_payment_terms_days: terms.value,
      invoice_external_id: invoiceExternalId,
      invoice_number: invoiceNumber,
      issue_date: issueDate.value,
      due_date: dueDate.value,
      amount: total.value,
      open_amount: open.value,
      currency: currency.value,
      po_number: poNumber,
      payment_reference: reference.value,
      document_type: documentType.value,
    };
    let problem = false;
    const row = reconcile(fields, () => (problem = true));
    return problem ? null : row;
  };
};
