import { parsed, rejected, type ParseOutcome } from "../ledger/ledger-errors.ts";
import { invalidCollectionData } from "./collection-errors.ts";

/**
 * Exact interest arithmetic. A rate is held as an integer count of 0.0001 % (a hundredth of a basis point), parsed
 * from decimal text: "13.15" → 131 500. Interest is computed on integer minor units with BigInt and rounded half-up
 * to the minor unit ONCE per period line, never per day, so no binary float ever touches a rate or an amount.
 */
export type RateUnits = number;

/** 0.0001 % units in one percent, and in 100 % (a rate of 1 as a fraction). */
export const RATE_UNITS_PER_PERCENT = 10_000;
const RATE_UNITS_PER_WHOLE = 100 * RATE_UNITS_PER_PERCENT;

/**
 * Day-count convention: Actual/365 Fixed — the actual number of days late, divided by 365 even in a leap year.
 * This is the formula of FACTS §1 (`× days / 365`); a 366-day year therefore bears 366/365 of the annual rate.
 */
export const DAY_COUNT_YEAR_DAYS = 365;

const RATE_TEXT = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** Decimal percent text (dot separator, at most 4 decimals, 0–100) to rate units, or a short value-free reason. */
export const tryParseRatePercent = (text: string): ParseOutcome<RateUnits> => {
  const match = RATE_TEXT.exec(text);
  if (match === null) return rejected("must be a decimal number of percent with a dot and at most 4 decimals, e.g. 3.15");
  const units = Number(match[1]) * RATE_UNITS_PER_PERCENT + Number((match[2] ?? "").padEnd(4, "0"));
  if (units > 100 * RATE_UNITS_PER_PERCENT) return rejected("must be between 0 and 100");
  return parsed(units);
};

export const parseRatePercent = (text: string): RateUnits => {
  const outcome = tryParseRatePercent(text);
  if (!outcome.ok) throw invalidCollectionData(`Rate "${text}": ${outcome.reason}`, "collection.invalidRate");
  return outcome.value;
};

/** Rate units back to percent text with 2 to 4 decimals: 131 500 → "13.15", 50 000 → "5.00", 31 250 → "3.125". */
export const formatRatePercent = (units: RateUnits): string => {
  if (!Number.isSafeInteger(units) || units < 0) throw invalidCollectionData(`Rate ${units} is not a whole number of 0.0001 % units`, "collection.invalidRate");
  const whole = Math.floor(units / RATE_UNITS_PER_PERCENT);
  const decimals = String(units % RATE_UNITS_PER_PERCENT).padStart(4, "0").replace(/0{1,2}$/, "");
  return `${whole}.${decimals}`;
};

/** The rate as a decimal fraction in text, exact: 131 500 → "0.1315" (for Intl percent formatting). */
export const rateAsFractionText = (units: RateUnits): string => {
  const whole = Math.floor(units / RATE_UNITS_PER_WHOLE);
  const fraction = String(units % RATE_UNITS_PER_WHOLE).padStart(6, "0").replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}.${fraction}`;
};

/** principal × rate × days / yearDays, rounded half-up to the minor unit. The principal must not be negative. */
export const interestForDays = (principalMinor: number, rate: RateUnits, days: number, yearDays = DAY_COUNT_YEAR_DAYS): number => {
  for (const [name, value] of [["principal", principalMinor], ["rate", rate], ["days", days]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw invalidCollectionData(`Interest needs a whole, non-negative ${name}, not ${value}`, "collection.invalidInterestInput");
  }
  const numerator = BigInt(principalMinor) * BigInt(rate) * BigInt(days);
  const denominator = BigInt(RATE_UNITS_PER_WHOLE) * BigInt(yearDays);
  return Number((2n * numerator + denominator) / (2n * denominator)); // floor((2n + d) / 2d) = half-up for n ≥ 0
};
