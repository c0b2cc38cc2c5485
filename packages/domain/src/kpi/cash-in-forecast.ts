import { addDays, daysBetween, type IsoDate } from "../ledger/calendar-date.ts";
import { checkedMinor } from "../ledger/money-arithmetic.ts";

/** Where an expected receipt comes from. */
export type ForecastSource = "due" | "promise";

export interface ExpectedReceipt {
  /** When the money is expected: the due date shifted by the payers' usual delay, or the promised date. */
  readonly expectedOn: IsoDate;
  readonly amountMinor: number;
  readonly source: ForecastSource;
}

export interface ForecastWeek {
  /** First day of the week (the forecast's weeks start on the as-of date). */
  readonly weekStart: IsoDate;
  readonly dueMinor: number;
  readonly promisedMinor: number;
}

/**
 * Cash-in forecast by week, starting on `asOf`: each receipt falls in the week of its expected date; receipts
 * expected before `asOf` (late and not yet paid) count in the first week; those after the last week are left out.
 */
export const forecastCashIn = (receipts: Iterable<ExpectedReceipt>, asOf: IsoDate, weeks: number): ForecastWeek[] => {
  const rows = Array.from({ length: weeks }, (_, i) => ({ weekStart: addDays(asOf, i * 7), dueMinor: 0, promisedMinor: 0 }));
  for (const r of receipts) {
    const index = Math.max(0, Math.floor(daysBetween(asOf, r.expectedOn) / 7));
    const row = rows[index];
    if (row === undefined || r.amountMinor <= 0) continue;
    if (r.source === "promise") row.promisedMinor = checkedMinor(row.promisedMinor + r.amountMinor);
    else row.dueMinor = checkedMinor(row.dueMinor + r.amountMinor);
  }
  return rows;
};

/** Expected date of an open item: its due date plus the payers' average delay, never before `asOf`. */
export const expectedPaymentDate = (dueDate: IsoDate, averageDelayDays: number, asOf: IsoDate): IsoDate => {
  const expected = addDays(dueDate, Math.max(0, Math.round(averageDelayDays)));
  return expected < asOf ? asOf : expected;
};

/** Share of resolved promises that were kept, in percent (one decimal), null when none was resolved. */
export const promiseKeptRate = (kept: number, broken: number): number | null =>
  kept + broken === 0 ? null : Math.round((kept / (kept + broken)) * 1000) / 10;
