import { formatMoney, type CompanyIdentifier, type Currency, type IsoDate, type Money } from "@relance/domain";
import type { LetterLabels } from "./letter-labels.ts";
import type { LetterLocale } from "./letter-model.ts";

/** Swiss letters group digits the Swiss way (1'234.50), French ones the French way (1 234,50). */
export const intlLocaleOf = (locale: LetterLocale, currency: Currency): string =>
  currency === "CHF" ? `${locale}-CH` : { fr: "fr-FR", en: "en-GB", de: "de-DE" }[locale];

// Calendar dates carry no time zone: format them at UTC midnight so no zone shifts the day.
const atUtcMidnight = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

export const formatShortDate = (date: IsoDate, intlLocale: string): string =>
  new Intl.DateTimeFormat(intlLocale, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(atUtcMidnight(date));

export const formatLongDate = (date: IsoDate, intlLocale: string): string =>
  new Intl.DateTimeFormat(intlLocale, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(atUtcMidnight(date));

export const formatAmount = (value: Money, intlLocale: string): string => formatMoney(value, intlLocale);

/** SIREN 552 100 554, SIRET 552 100 554 00013, IDE CHE-123.456.789. */
export const formatCompanyIdentifier = (identifier: CompanyIdentifier, labels: LetterLabels): string => {
  switch (identifier.kind) {
    case "SIREN":
      return `SIREN ${identifier.value.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3")}`;
    case "SIRET":
      return `SIRET ${identifier.value.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4")}`;
    case "CHE_UID":
      return `${labels.cheUid} ${identifier.value}`;
  }
};
