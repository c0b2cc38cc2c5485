import { daysBetween, daysInMonth, type IsoDate } from "../ledger/calendar-date.ts";
import { invalidValue } from "../ledger/ledger-errors.ts";

/**
 * Receivables KPIs of FACTS §11. Amounts are integer minor units of one currency; results are days (DSO, BPDSO,
 * ADD) or a percentage (CEI), rounded to one decimal, or null when the formula divides by nothing (no sales).
 */

export interface KpiPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Calendar days of a period, both ends included. */
export const periodDays = (period: KpiPeriod): number => {
  const days = daysBetween(period.from, period.to) + 1;
  if (days < 1) throw invalidValue(`The period ends (${period.to}) before it starts (${period.from})`, "kpi.invalidPeriod");
  return days;
};

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** Standard DSO = AR at period end ÷ credit sales of the period × days in the period. */
export const standardDso = (input: { arMinor: number; creditSalesMinor: number; days: number }): number | null =>
  input.creditSalesMinor > 0 ? oneDecimal((input.arMinor / input.creditSalesMinor) * input.days) : null;

/** Best Possible DSO = current (not yet due) AR ÷ credit sales of the period × days in the period. */
export const bestPossibleDso = (input: { currentArMinor: number; creditSalesMinor: number; days: number }): number | null =>
  input.creditSalesMinor > 0 ? oneDecimal((input.currentArMinor / input.creditSalesMinor) * input.days) : null;

/** ADD (average days delinquent) = DSO − Best Possible DSO. */
export const averageDaysDelinquent = (dso: number | null, bestPossible: number | null): number | null =>
  dso === null || bestPossible === null ? null : oneDecimal(dso - bestPossible);

/** One calendar month of credit sales, possibly partial (the month of the period end counts its days up to it). */
export interface MonthSales {
  /** YYYY-MM */
  readonly month: string;
  readonly days: number;
  readonly salesMinor: number;
}

/**
 * Count-back DSO: from the AR at period end, take away each month's credit sales going backwards, adding that month's
 * days while the AR covers the whole month; for the month where it runs out add remaining AR ÷ that month's sales ×
 * its days. `months` are newest first. If the AR outlasts every month given, the days of all of them are counted
 * (a lower bound), and `exhausted` says so.
 */
export const countBackDso = (arMinor: number, months: readonly MonthSales[]): { days: number; exhausted: boolean } => {
  let remaining = arMinor;
  let days = 0;
  if (remaining <= 0) return { days: 0, exhausted: false };
  for (const m of months) {
    if (m.salesMinor <= 0) {
      days += m.days;
      continue;
    }
    if (remaining <= m.salesMinor) return { days: oneDecimal(days + (remaining / m.salesMinor) * m.days), exhausted: false };
    remaining -= m.salesMinor;
    days += m.days;
  }
  return { days: oneDecimal(days), exhausted: true };
};

/**
 * The months ending at `asOf`, newest first: the month of `asOf` counts its days up to `asOf` included, the others
 * their full length.
 */
export const monthsEndingAt = (asOf: IsoDate, count: number): { month: string; from: IsoDate; to: IsoDate; days: number }[] => {
  const out: { month: string; from: IsoDate; to: IsoDate; days: number }[] = [];
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  for (let i = 0; i < count; i += 1) {
    const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    const last = i === 0 ? Number(asOf.slice(8, 10)) : daysInMonth(year, month);
    out.push({ month: key, from: `${key}-01`, to: `${key}-${String(last).padStart(2, "0")}`, days: last });
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
};

/**
 * CEI = (opening AR + credit sales − closing total AR) ÷ (opening AR + credit sales − closing current AR) × 100.
 * "Current" is the AR not yet due at period end. Null when the denominator is not positive.
 */
export const collectionEffectivenessIndex = (input: {
  openingArMinor: number;
  creditSalesMinor: number;
  closingArMinor: number;
  closingCurrentArMinor: number;
}): number | null => {
  const collectible = input.openingArMinor + input.creditSalesMinor - input.closingCurrentArMinor;
  if (collectible <= 0) return null;
  return oneDecimal(((input.openingArMinor + input.creditSalesMinor - input.closingArMinor) / collectible) * 100);
};
