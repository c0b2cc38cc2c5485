import type { DateFormat } from "../csv/parse-date-text.ts";
import type { DecimalSeparator } from "../decimal-amount.ts";

/** How typed cells are written as text for the column mapping: as the mapping expects them to be written. */
export interface CellTextOptions {
  readonly decimalSeparator: DecimalSeparator | "auto";
  readonly dateFormat: DateFormat | "auto";
  /** The workbook counts days from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  readonly date1904: boolean;
}

/** 0-based column of a cell reference: "A1" → 0, "AB12" → 27; -1 when the reference has no column letters. */
export const columnIndexOf = (ref: string): number => {
  let index = 0;
  let letters = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    letters += 1;
  }
  return letters === 0 ? -1 : index - 1;
};

/** 1-based row of a cell or row reference ("B12" → 12), or null. */
export const rowNumberOf = (ref: string): number | null => {
  const digits = /\d+$/.exec(ref)?.[0];
  return digits ? Number(digits) : null;
};

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The calendar date of a date serial (the time of day is dropped). Excel's phantom 1900-02-29 (serial 60) is kept out. */
export const serialToIsoDate = (serial: number, date1904: boolean): string | null => {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  if (!date1904 && days === 60) return null;
  // serials before the phantom day are one day off from the 1899-12-30 epoch
  const offset = !date1904 && days < 60 ? days + 1 : days;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + offset * DAY_MS).toISOString().slice(0, 10);
};

export const formatIsoDateAs = (iso: string, format: DateFormat | "auto"): string => {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (format) {
    case "auto":
    case "YYYY-MM-DD":
      return iso;
    case "DD/MM/YYYY":
      return `${d}/${m}/${y}`;
    case "DD.MM.YYYY":
      return `${d}.${m}.${y}`;
    case "YYYYMMDD":
      return `${y}${m}${d}`;
    case "MM/DD/YYYY":
      return `${m}/${d}/${y}`;
  }
};

/**
 * A number cell as decimal text. Excel shows 15 significant digits, so a stored 1234.5599999999999 or a formula's
 * 0.30000000000000004 reads as the 1234.56 or 0.3 the user sees; never an exponent.
 */
export const formatNumberCell = (raw: string, separator: DecimalSeparator | "auto"): string | null => {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(15));
  let text = String(rounded);
  if (/e/i.test(text)) {
    text = Math.abs(rounded) >= 1 ? BigInt(Math.round(rounded)).toString() : rounded.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  }
  return separator === "," ? text.replace(".", ",") : text;
};

/** Number formats Excel has built in that show dates. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date: a built-in date id, or a custom code with day or year parts. */
export const isDateFormat = (id: number, code: string | undefined): boolean => {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (code === undefined) return false;
  // drop literal text ("..." and \x), colours and conditions ([Red], [>100]) before looking for date letters
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) && !/^general$/i.test(bare.trim());
};
