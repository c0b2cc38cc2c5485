import { addDays, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { isWeekend } from "../collection/calendar-periods.ts";

/**
 * The date `businessDays` working days (Monday to Friday, minus `holidays`) after `start`: the default due date of a
 * dispute opened on `start`. Zero days is `start` itself.
 */
export const addBusinessDays = (start: IsoDate, businessDays: number, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate => {
  toEpochDay(start);
  if (!Number.isInteger(businessDays) || businessDays < 0) throw new RangeError(`${businessDays} is not a number of business days`);
  let day = start;
  let left = businessDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !holidays.has(day)) left -= 1;
  }
  return day;
};

/** A dispute is overdue once its due date has passed (on the due date it is still on time). */
export const isDisputeOverdue = (dueDate: IsoDate, today: IsoDate): boolean => toEpochDay(today) > toEpochDay(dueDate);
