import { addDays, daysInMonth, formatIsoDate, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";

/**
 * Calendar helpers for legal periods, on ISO dates and epoch days only (no `Date`, no time zone).
 * A period is inclusive at both ends: `{ from: "2025-06-16", to: "2025-06-30" }` holds 15 days.
 */
export interface DatePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

const partsOf = (date: IsoDate): [number, number, number] => {
  toEpochDay(date); // validates, throwing a BAD_REQUEST naming the text
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
};

/**
 * Adds calendar months; when the target month is shorter the result is its last day (31 Aug + 6 months = 28/29 Feb),
 * the rule of CPC 641 and CO 77 al. 1 ch. 3 for periods in months or years.
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
};

/** 29 Feb + 1 year = 28 Feb (see `addMonths`). */
export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

/** Days in an inclusive period: `from` = `to` is one day. */
export const daysInPeriod = (period: DatePeriod): number => toEpochDay(period.to) - toEpochDay(period.from) + 1;

/** ISO weekday, 1 = Monday … 7 = Sunday, from the epoch day (1970-01-01 was a Thursday, 4). */
export const isoWeekday = (date: IsoDate): number => ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;

export const isWeekend = (date: IsoDate): boolean => isoWeekday(date) >= 6;

/** The date itself when it is a weekday and not a holiday, else the next such day. */
export const nextWorkingDay = (date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate => {
  let day = date;
  while (isWeekend(day) || holidays.has(day)) day = addDays(day, 1);
  return day;
};

/** 1 January or 1 July of the date's half-year. */
export const halfYearStartOf = (date: IsoDate): IsoDate => {
  const [year, month] = partsOf(date);
  return formatIsoDate(year, month <= 6 ? 1 : 7, 1);
};

/** The half-year starts (1 Jan, 1 Jul) after `from` up to and including `to`. */
export const halfYearStartsWithin = (period: DatePeriod): IsoDate[] => {
  const starts: IsoDate[] = [];
  let start = addMonths(halfYearStartOf(period.from), 6);
  while (toEpochDay(start) <= toEpochDay(period.to)) {
    starts.push(start);
    start = addMonths(start, 6);
  }
  return starts;
};

/**
 * Cuts an inclusive period before each given date that falls inside it (after `from`, up to `to`): each such date
 * starts a new piece. Dates outside the period are ignored; the pieces cover the period exactly once.
 */
export const splitPeriod = (period: DatePeriod, newPieceStarts: readonly IsoDate[]): DatePeriod[] => {
  const first = toEpochDay(period.from);
  const last = toEpochDay(period.to);
  if (last < first) return [];
  const cuts = [...new Set(newPieceStarts.map(toEpochDay))].filter((day) => day > first && day <= last).sort((a, b) => a - b);
  const pieces: DatePeriod[] = [];
  let from = period.from;
  for (const cut of cuts) {
    pieces.push({ from, to: addDays(from, cut - 1 - toEpochDay(from)) });
    from = addDays(from, cut - toEpochDay(from));
  }
  pieces.push({ from, to: period.to });
  return pieces;
};
