import { formatIsoDate, isCalendarDate, type IsoDate } from "../calendar-date.ts";
import { invalidValue, parsed, rejected, type ParseOutcome } from "../ledger-errors.ts";

/** Date layouts met in French and Swiss exports; "auto" reads slashes day-first, as these countries write them. */
export const DATE_FORMATS = ["YYYY-MM-DD", "DD/MM/YYYY", "DD.MM.YYYY", "YYYYMMDD", "MM/DD/YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

interface Layout {
  readonly pattern: RegExp;
  /** Capture-group index of year, month and day. */
  readonly order: readonly [number, number, number];
}

const LAYOUTS: Record<DateFormat, Layout> = {
  "YYYY-MM-DD": { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [1, 2, 3] },
  "DD/MM/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  "DD.MM.YYYY": { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
  "MM/DD/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
};

const parseWith = (text: string, format: DateFormat): ParseOutcome<IsoDate> => {
  const { pattern, order } = LAYOUTS[format];
  const match = pattern.exec(text);
  if (match === null) return rejected(`not a date in the form ${format}`);
  const [year, month, day] = order.map((group) => Number(match[group])) as [number, number, number];
  return isCalendarDate(year, month, day) ? parsed(formatIsoDate(year, month, day)) : rejected("not a calendar date");
};

/** The layout a single value has, for "auto": slashes are day-first unless only month-first makes a date. */
const guessFormat = (text: string): DateFormat | undefined => {
  if (/^\d{4}-/.test(text)) return "YYYY-MM-DD";
  if (/^\d{8}$/.test(text)) return "YYYYMMDD";
  if (text.includes(".")) return "DD.MM.YYYY";
  if (text.includes("/")) return parseWith(text, "DD/MM/YYYY").ok || !parseWith(text, "MM/DD/YYYY").ok ? "DD/MM/YYYY" : "MM/DD/YYYY";
  return undefined;
};

export const tryParseDateText = (text: string, format: DateFormat | "auto"): ParseOutcome<IsoDate> => {
  const trimmed = text.trim();
  if (trimmed === "") return rejected("empty");
  const chosen = format === "auto" ? guessFormat(trimmed) : format;
  if (chosen === undefined) return rejected("not a date");
  return parseWith(trimmed, chosen);
};

/** Parses a date to ISO `YYYY-MM-DD`, or throws a BAD_REQUEST naming the value, e.g. `Date "31/02/2026": not a calendar date`. */
export const parseDateText = (text: string, format: DateFormat | "auto"): IsoDate => {
  const outcome = tryParseDateText(text, format);
  if (!outcome.ok) throw invalidValue(`Date "${text}": ${outcome.reason}`, "ledger.invalidDate");
  return outcome.value;
};

const DETECTION_ORDER: readonly DateFormat[] = ["YYYY-MM-DD", "YYYYMMDD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY"];

/** The first layout (day-first before month-first) that reads every non-empty sample; undefined if none does. */
export const detectDateFormat = (samples: Iterable<string>): DateFormat | undefined => {
  const values = [...samples].map((s) => s.trim()).filter((s) => s !== "");
  if (values.length === 0) return undefined;
  return DETECTION_ORDER.find((format) => values.every((value) => parseWith(value, format).ok));
};
