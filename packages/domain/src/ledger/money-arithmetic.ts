import type { Currency, Money } from "../money.ts";
import { CurrencyMismatchError, invalidValue } from "./ledger-errors.ts";

/**
 * Arithmetic on the shared `Money` (safe-integer minor units + currency). Every result is checked to stay a safe
 * integer, so precision is never silently lost, and amounts in two currencies are never combined.
 */
export const checkedMinor = (value: number): number => {
  if (!Number.isSafeInteger(value)) throw invalidValue(`Amount ${value} is not a whole number of minor units within range`, "ledger.amountOutOfRange");
  return value === 0 ? 0 : value; // never hand out -0
};

export const assertSameCurrency = (expected: Currency, actual: Currency): void => {
  if (expected !== actual) throw new CurrencyMismatchError(expected, actual);
};

export const addMoney = (a: Money, b: Money): Money => {
  assertSameCurrency(a.currency, b.currency);
  return { amountMinor: checkedMinor(a.amountMinor + b.amountMinor), currency: a.currency };
};

export const subtractMoney = (a: Money, b: Money): Money => {
  assertSameCurrency(a.currency, b.currency);
  return { amountMinor: checkedMinor(a.amountMinor - b.amountMinor), currency: a.currency };
};

export const negateMoney = (a: Money): Money => ({ amountMinor: checkedMinor(-a.amountMinor), currency: a.currency });

/**
 * Sums amounts of one currency. The currency is the given one, else the first item's; an empty list needs it given,
 * because "zero of nothing" has no currency.
 */
export const sumMoney = (list: Iterable<Money>, currency?: Currency): Money => {
  let total: Money | undefined = currency === undefined ? undefined : { amountMinor: 0, currency };
  for (const item of list) total = total === undefined ? { amountMinor: checkedMinor(item.amountMinor), currency: item.currency } : addMoney(total, item);
  if (total === undefined) throw invalidValue("Cannot sum an empty list of amounts without a currency", "ledger.emptySum");
  return total;
};

/** One total per currency present in the list; currencies absent from the list are absent from the result. */
export const sumByCurrency = (list: Iterable<Money>): Partial<Record<Currency, Money>> => {
  const totals: Partial<Record<Currency, Money>> = {};
  for (const item of list) {
    const current = totals[item.currency];
    totals[item.currency] = current === undefined ? { amountMinor: checkedMinor(item.amountMinor), currency: item.currency } : addMoney(current, item);
  }
  return totals;
};
