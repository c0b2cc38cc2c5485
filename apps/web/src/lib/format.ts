import { CURRENCIES, type Currency, formatMoney } from "@relance/domain";

const isCurrency = (code: string): code is Currency => (CURRENCIES as readonly string[]).includes(code);

/** Minor units in their currency, for the reader's locale (`1 234,50 €`, `CHF 1’234.50`, `€1,234.50`). */
export const formatMinor = (amountMinor: number, currency: string, locale: string): string => {
  if (isCurrency(currency)) return formatMoney({ amountMinor, currency }, locale);
  // a currency outside the domain list still formats, assuming two decimals
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
};

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const cachedFormat = (locale: string, kind: "date" | "dateTime"): Intl.DateTimeFormat => {
  const key = `${locale}|${kind}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, kind === "date" ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" });
    dateTimeFormats.set(key, format);
  }
  return format;
};

/** An ISO instant as a date and time in the reader's locale and time zone. */
export const formatDateTime = (iso: string, locale: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : cachedFormat(locale, "dateTime").format(date);
};

export const formatDate = (iso: string, locale: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : cachedFormat(locale, "date").format(date);
};

const calendarFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (`YYYY-MM-DD`) as written in the reader's locale; read in UTC so no time zone shifts the day. */
export const formatCalendarDate = (isoDate: string, locale: string): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  let format = calendarFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    calendarFormats.set(locale, format);
  }
  return format.format(date);
};

export const formatInteger = (value: number, locale: string): string => new Intl.NumberFormat(locale).format(value);
