import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatCalendarDate, formatDate, formatDateTime, formatInteger, formatMinor } from "../lib/format.ts";
import { toLocale } from "../lib/locale.ts";
import { useOptionalMe } from "./use-me.ts";

export interface Formatters {
  /** BCP 47 tag used for Intl: the interface language, in the organization's country when signed in (fr-CH, en-FR…). */
  locale: string;
  money: (amountMinor: number, currency: string) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** A calendar date (`YYYY-MM-DD`: due dates, booking dates), never shifted by the time zone. */
  calendarDate: (isoDate: string) => string;
  integer: (value: number) => string;
}

export const useFormatters = (): Formatters => {
  const { i18n } = useTranslation();
  const me = useOptionalMe();
  const language = toLocale(i18n.language);
  const country = me?.org.country;
  return useMemo(() => {
    const locale = country ? `${language}-${country}` : language;
    return {
      locale,
      money: (amountMinor, currency) => formatMinor(amountMinor, currency, locale),
      dateTime: (iso) => formatDateTime(iso, locale),
      date: (iso) => formatDate(iso, locale),
      calendarDate: (isoDate) => formatCalendarDate(isoDate, locale),
      integer: (value) => formatInteger(value, locale),
    };
  }, [language, country]);
};
