import { toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { formatDecimal } from "../ledger/decimal-amount.ts";
import type { Money } from "../money.ts";
import { parseRatePercent, rateAsFractionText } from "./decimal-rate.ts";
import type { TemplateInvoiceRow, TemplateValue } from "./template-fields.ts";

/** The locales messages are rendered in; the language of labels is the part before the dash. */
export const TEMPLATE_LOCALES = ["fr-FR", "fr-CH", "en-GB"] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export type TemplateLanguage = "fr" | "en";

export const languageOf = (locale: TemplateLocale): TemplateLanguage => (locale.startsWith("fr") ? "fr" : "en");

type Numeric = `${number}`;

/** Exact: the amount goes to Intl as decimal text, never through a float. */
export const formatTemplateMoney = (value: Money, locale: TemplateLocale): string =>
  new Intl.NumberFormat(locale, { style: "currency", currency: value.currency }).format(formatDecimal(value.amountMinor) as Numeric);

/** A calendar date at UTC midnight, so the formatting zone can never shift the day. */
const dateFormat = (locale: TemplateLocale, options: Intl.DateTimeFormatOptions) => (date: IsoDate): string =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(toEpochDay(date) * 86_400_000);

export const formatTemplateDate = (date: IsoDate, locale: TemplateLocale): string => dateFormat(locale, { dateStyle: "long" })(date);
export const formatShortDate = (date: IsoDate, locale: TemplateLocale): string => dateFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" })(date);

export const formatTemplatePercent = (ratePercent: string, locale: TemplateLocale): string =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 }).format(rateAsFractionText(parseRatePercent(ratePercent)) as Numeric);

const INVOICE_LINE: Record<TemplateLanguage, (number: string, issued: string | null, due: string, amount: string) => string> = {
  fr: (number, issued, due, amount) => `- Facture ${number}${issued === null ? "" : ` du ${issued}`}, échéance ${due} : ${amount}`,
  en: (number, issued, due, amount) => `- Invoice ${number}${issued === null ? "" : ` of ${issued}`}, due ${due}: ${amount}`,
};

/** One line per invoice, oldest due date first, as a plain-text list. */
export const formatInvoiceList = (rows: readonly TemplateInvoiceRow[], locale: TemplateLocale): string =>
  [...rows]
    .sort((a, b) => toEpochDay(a.dueDate) - toEpochDay(b.dueDate))
    .map((row) => INVOICE_LINE[languageOf(locale)](
      row.number,
      row.issueDate == null ? null : formatShortDate(row.issueDate, locale),
      formatShortDate(row.dueDate, locale),
      formatTemplateMoney({ amountMinor: row.openMinor, currency: row.currency }, locale),
    ))
    .join("\n");

export const formatTemplateValue = (value: TemplateValue, locale: TemplateLocale): string => {
  switch (value.kind) {
    case "text": return value.text;
    case "date": return formatTemplateDate(value.date, locale);
    case "money": return value.amounts.map((amount) => formatTemplateMoney(amount, locale)).join(" + ");
    case "percent": return formatTemplatePercent(value.ratePercent, locale);
    case "invoices": return formatInvoiceList(value.rows, locale);
  }
};
