import { z } from "zod";
import { addDays, type IsoDate } from "../ledger/calendar-date.ts";
import { isoWeekday } from "./calendar-periods.ts";
import { invalidCollectionData, missingCollectionData, parseOrThrow } from "./collection-errors.ts";
import { isoDateSchema } from "./rate-tables.ts";

/**
 * When a reminder may go out, as a tenant setting (FACTS §12: no legal rule on hours was found, so the default is
 * 08:00–20:00 and no Sundays). Pure: the caller gives the tenant-local date and wall-clock time.
 * Weekends: Saturday is allowed when `sendOnWeekends`; Sunday only when `sendOnWeekends` AND `sendOnSundays`.
 * Quiet hours are [start, end): with start > end they span midnight (20:00–08:00); start = end means none.
 */
export interface SendWindowSettings {
  readonly quietHours: { readonly start: string; readonly end: string };
  readonly sendOnWeekends: boolean;
  readonly sendOnSundays: boolean;
  readonly holidays?: readonly IsoDate[];
}

export const DEFAULT_SEND_WINDOW: SendWindowSettings = { quietHours: { start: "20:00", end: "08:00" }, sendOnWeekends: true, sendOnSundays: false };

const WALL_CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const wallClockSchema = z.string({ error: "must be a time HH:MM" }).regex(WALL_CLOCK, "must be a time HH:MM");

export const sendWindowSettingsSchema = z.object({
  quietHours: z.object({ start: wallClockSchema, end: wallClockSchema }),
  sendOnWeekends: z.boolean({ error: "must be true or false" }),
  sendOnSundays: z.boolean({ error: "must be true or false" }),
  holidays: z.array(isoDateSchema).optional(),
});

export const parseSendWindowSettings = (input: unknown): SendWindowSettings =>
  parseOrThrow(sendWindowSettingsSchema, input, "send window settings", "collection.invalidSendWindow");

const minutesOf = (time: string, field: string): number => {
  const match = WALL_CLOCK.exec(time);
  if (match === null) throw invalidCollectionData(`Invalid time: ${field}: must be a time HH:MM`, "collection.invalidSendWindow", [{ path: field, message: "must be a time HH:MM" }]);
  return Number(match[1]) * 60 + Number(match[2]);
};

const clockOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The first minute at or after `from` outside quiet hours on the same day, or null when the day has none left. */
const firstOpenMinute = (from: number, start: number, end: number): number | null => {
  if (start === end) return from;
  const quiet = start < end ? from >= start && from < end : from >= start || from < end;
  if (!quiet) return from;
  if (start < end || from < end) return end;
  return null; // after the evening start of quiet hours that span midnight: nothing left today
};

const dayAllowed = (date: IsoDate, settings: SendWindowSettings, holidays: ReadonlySet<IsoDate>): boolean => {
  const weekday = isoWeekday(date);
  if (holidays.has(date)) return false;
  if (weekday === 6) return settings.sendOnWeekends;
  if (weekday === 7) return settings.sendOnWeekends && settings.sendOnSundays;
  return true;
};

/** Looking further than this for an allowed day means the settings allow none. */
const MAX_SEARCH_DAYS = 400;

/** The next allowed moment at or after `asOf` `now` (tenant-local), as a date and an "HH:MM" time. */
export const scheduleSendTime = (asOf: IsoDate, now: string, settings: SendWindowSettings): { date: IsoDate; time: string } => {
  const start = minutesOf(settings.quietHours.start, "quietHours.start");
  const end = minutesOf(settings.quietHours.end, "quietHours.end");
  const holidays = new Set(settings.holidays ?? []);
  let from = minutesOf(now, "now");
  for (let offset = 0; offset <= MAX_SEARCH_DAYS; offset++) {
    const date = addDays(asOf, offset);
    const minute = firstOpenMinute(from, start, end);
    if (minute !== null && dayAllowed(date, settings, holidays)) return { date, time: clockOf(minute) };
    from = 0; // any later day is open from its first allowed minute
  }
  throw missingCollectionData(`No day in the ${MAX_SEARCH_DAYS} days from ${asOf} allows sending: check the holidays and weekend settings`, "collection.noSendDay");
};
