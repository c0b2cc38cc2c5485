/**
 * Money is an integer count of minor units (cents, centimes) with its ISO 4217 currency; never a float.
 * The ledger issue extends this module (allocation, parsing); this is the part every layer already needs.
 */
export const CURRENCIES = ["EUR", "CHF"] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  readonly amountMinor: number;
  readonly currency: Currency;
}

export const MINOR_UNITS: Record<Currency, number> = { EUR: 2, CHF: 2 };

export const money = (amountMinor: number, currency: Currency): Money => {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Amount ${amountMinor} is not a whole number of minor units`);
  return { amountMinor, currency };
};

/** Formats with Intl for the reader's locale, e.g. `1 234,50 €` in French, `€1,234.50` in English. */
export const formatMoney = (value: Money, locale: string): string =>
  new Intl.NumberFormat(locale, { style: "currency", currency: value.currency }).format(
    value.amountMinor / 10 ** MINOR_UNITS[value.currency],
  );
