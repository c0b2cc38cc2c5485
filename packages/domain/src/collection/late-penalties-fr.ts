import { addDays, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { formatDecimal } from "../ledger/decimal-amount.ts";
import { invalidCollectionData } from "./collection-errors.ts";
import { halfYearStartOf, halfYearStartsWithin, splitPeriod, type DatePeriod } from "./calendar-periods.ts";
import { formatRatePercent, parseRatePercent, type RateUnits } from "./decimal-rate.ts";
import { explain, type Explanation } from "./explanation.ts";
import { FR_B2B_PENALTY_TERMS } from "./late-penalty-terms.ts";
import type { LatePenaltyInput, PenaltyLine, PenaltyPart } from "./late-penalty-types.ts";
import { penaltyLine } from "./penalty-line.ts";
import { entryInForceOn, rateInForceOn, recoveryIndemnityOn } from "./rate-tables.ts";

/** Periods cut at 1 January and 1 July: each half-year takes the rate in force on its first day (FACTS §1, §2). */
const byHalfYear = (period: DatePeriod): DatePeriod[] => splitPeriod(period, halfYearStartsWithin(period));

const legalRateOn = (input: LatePenaltyInput, halfYearStart: IsoDate): RateUnits =>
  parseRatePercent(rateInForceOn(input.tables.fr_legal_rate_other, halfYearStart).ratePercent);

/**
 * FR B2B (C. com. L441-10): from the day after the due date to `asOf`, per half-year, the ECB rate in force on the
 * half-year's first day + 10 points; a contractual rate replaces it but never below 3 × the legal rate ("other
 * cases") of that half-year. Plus the €40 indemnity per late invoice (D441-5), which bears no interest and no VAT.
 */
export const frB2bPenalties = (input: LatePenaltyInput): PenaltyPart => {
  const late: DatePeriod = { from: addDays(input.dueDate, 1), to: input.asOf };
  const notes: Explanation[] = [
    explain("collection.penalty.frB2bStart", { from: late.from, dueDate: input.dueDate }, `Penalties run from ${late.from}, the day after the due date ${input.dueDate}, without any reminder (C. com. L441-10).`),
  ];
  const contractual = input.contractualRatePercent == null ? null : parseRatePercent(input.contractualRatePercent);
  const lines: PenaltyLine[] = byHalfYear(late).map((period) => {
    const halfYear = halfYearStartOf(period.from);
    const terms = entryInForceOn("fr_b2b_penalty_terms", input.frB2bTerms ?? FR_B2B_PENALTY_TERMS, halfYear);
    if (contractual === null) {
      const ecb = rateInForceOn(input.tables.ecb_refinancing, halfYear).ratePercent;
      const rate = parseRatePercent(ecb) + parseRatePercent(terms.ecbMarginPercent);
      return penaltyLine(period, input.principalMinor, input.currency, rate, {
        key: "collection.penalty.frB2bLine",
        why: `ECB rate ${ecb} % in force on ${halfYear} + ${terms.ecbMarginPercent} points`,
        params: { ecbRatePercent: ecb, rateDate: halfYear, marginPercent: terms.ecbMarginPercent },
      });
    }
    const legal = legalRateOn(input, halfYear);
    const floor = legal * terms.contractualFloorMultiple;
    const floorText = `${terms.contractualFloorMultiple} × legal rate ${formatRatePercent(legal)} % in force on ${halfYear}`;
    const params = { contractualRatePercent: formatRatePercent(contractual), legalRatePercent: formatRatePercent(legal), rateDate: halfYear, floorMultiple: terms.contractualFloorMultiple };
    if (contractual >= floor) {
      return penaltyLine(period, input.principalMinor, input.currency, contractual, { key: "collection.penalty.frB2bContractualLine", why: `contractual rate, not below ${floorText}`, params });
    }
    return penaltyLine(period, input.principalMinor, input.currency, floor, {
      key: "collection.penalty.frB2bFloorLine",
      why: `contractual rate ${formatRatePercent(contractual)} % is below the floor, so ${floorText}`,
      params,
    });
  });
  const indemnity = recoveryIndemnityOn(input.tables.fr_recovery_indemnity, late.from);
  if (indemnity.currency !== input.currency) {
    throw invalidCollectionData(`The recovery indemnity is in ${indemnity.currency}; it cannot be added to an invoice in ${input.currency}`, "collection.indemnityCurrency");
  }
  const amount = formatDecimal(indemnity.amountMinor);
  notes.push(explain("collection.penalty.frIndemnity", { amount, currency: indemnity.currency }, `Flat recovery indemnity of ${amount} ${indemnity.currency} for this late invoice (C. com. D441-5): not part of the interest base, no VAT.`));
  return { lines, indemnityMinor: indemnity.amountMinor, notes };
};

/**
 * FR B2C (C. civ. 1231-6): the legal rate ("other cases": the creditor is a company) from the day the formal notice
 * was received, per half-year; no formal notice, no interest. No €40 for consumers.
 */
export const frB2cPenalties = (input: LatePenaltyInput): PenaltyPart => {
  const notes: Explanation[] = [explain("collection.penalty.frB2cNoIndemnity", {}, "No flat recovery indemnity: the debtor is a consumer.")];
  if (input.contractualRatePercent != null) {
    notes.push(explain("collection.penalty.frB2cContractualIgnored", {}, "The contractual rate is not applied to a consumer; the legal rate applies."));
  }
  const notice = input.formalNoticeDate ?? null;
  if (notice === null) {
    notes.push(explain("collection.penalty.frB2cNoNotice", {}, "No interest: against a consumer, interest at the legal rate runs only from a formal notice (C. civ. 1231-6)."));
    return { lines: [], indemnityMinor: 0, notes };
  }
  if (toEpochDay(notice) <= toEpochDay(input.dueDate)) {
    notes.push(explain("collection.penalty.frB2cEarlyNotice", { notice, dueDate: input.dueDate }, `No interest: the formal notice of ${notice} was given before the debt was payable (due ${input.dueDate}).`));
    return { lines: [], indemnityMinor: 0, notes };
  }
  notes.push(explain("collection.penalty.frB2cStart", { from: notice }, `Interest at the legal rate ("other cases") runs from the formal notice of ${notice}, that day included (C. civ. 1231-6).`));
  const lines = byHalfYear({ from: notice, to: input.asOf }).map((period) => {
    const halfYear = halfYearStartOf(period.from);
    const legal = legalRateOn(input, halfYear);
    return penaltyLine(period, input.principalMinor, input.currency, legal, {
      key: "collection.penalty.frB2cLine",
      why: `legal rate for other cases in force on ${halfYear}`,
      params: { rateDate: halfYear },
    });
  });
  return { lines, indemnityMinor: 0, notes };
};
