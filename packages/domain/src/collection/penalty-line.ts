import { formatDecimal } from "../ledger/decimal-amount.ts";
import type { Currency } from "../money.ts";
import { daysInPeriod, type DatePeriod } from "./calendar-periods.ts";
import { DAY_COUNT_YEAR_DAYS, formatRatePercent, interestForDays, type RateUnits } from "./decimal-rate.ts";
import { explain } from "./explanation.ts";
import type { PenaltyLine } from "./late-penalty-types.ts";

export interface LineBasis {
  /** Translation key of the line, e.g. `collection.penalty.frB2bLine`. */
  readonly key: string;
  /** Why this rate, in English, e.g. "ECB 3.15 % on 2025-01-01 + 10 points". */
  readonly why: string;
  readonly params: Record<string, string | number>;
}

/** One period's interest, rounded half-up once, with its explanation. */
export const penaltyLine = (period: DatePeriod, principalMinor: number, currency: Currency, rate: RateUnits, basis: LineBasis): PenaltyLine => {
  const days = daysInPeriod(period);
  const interestMinor = interestForDays(principalMinor, rate, days, DAY_COUNT_YEAR_DAYS);
  const ratePercent = formatRatePercent(rate);
  const principal = formatDecimal(principalMinor);
  const interest = formatDecimal(interestMinor);
  const text =
    `${period.from} to ${period.to}: ${days} days at ${ratePercent} % (${basis.why}) on ${principal} ${currency}` +
    ` × ${days} / ${DAY_COUNT_YEAR_DAYS} = ${interest} ${currency}`;
  const params = { ...basis.params, from: period.from, to: period.to, days, ratePercent, yearDays: DAY_COUNT_YEAR_DAYS, principal, interest, currency };
  return { from: period.from, to: period.to, days, ratePercent, yearDays: DAY_COUNT_YEAR_DAYS, interestMinor, explanation: explain(basis.key, params, text) };
};
