import { addDays, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { addMonths, addYears, nextWorkingDay } from "./calendar-periods.ts";
import { invalidCollectionData } from "./collection-errors.ts";
import { explain, type Explanation } from "./explanation.ts";
import { entryInForceOn } from "./rate-tables.ts";

/**
 * Procedural deadlines (FACTS §4, §6) as dated data. A period counted from an act ends on the day with the same
 * number (`n` days later; for months and years the same day of the month, or the month's last day). The period does
 * not count the day of the act (CPC 640–641; ZPO 142 by SchKG 31).
 * `rollsToWorkingDay`: an end on a Saturday, Sunday or holiday moves to the next working day (CPC 642; ZPO 142
 * al. 3). Only deadlines that run against the other side roll; the creditor's own deadlines do not, so an alert
 * never relies on an extension the court might not grant.
 */
export const LEGAL_DEADLINE_KEYS = ["fr_injonction_service", "fr_injonction_opposition", "ch_payment_period", "ch_opposition", "ch_continuation_expiry"] as const;
export type LegalDeadlineKey = (typeof LEGAL_DEADLINE_KEYS)[number];

export interface LegalDeadlineRule {
  readonly key: LegalDeadlineKey;
  readonly validFrom: IsoDate;
  readonly validTo?: IsoDate | null;
  readonly amount: number;
  readonly unit: "days" | "months" | "years";
  readonly rollsToWorkingDay: boolean;
  readonly reference: string;
}

export const LEGAL_DEADLINES: readonly LegalDeadlineRule[] = [
  // Current wording of CPC 1405 ff. since the decree of 2021, in force 2022-03-01 (FACTS §4).
  { key: "fr_injonction_service", validFrom: "2022-03-01", amount: 6, unit: "months", rollsToWorkingDay: false, reference: "CPC 1411" },
  { key: "fr_injonction_opposition", validFrom: "2022-03-01", amount: 1, unit: "months", rollsToWorkingDay: true, reference: "CPC 1416" },
  // Revised SchKG in force since 1997-01-01 [NV: start of validity of these exact periods].
  { key: "ch_payment_period", validFrom: "1997-01-01", amount: 20, unit: "days", rollsToWorkingDay: true, reference: "SchKG 69 al. 2 ch. 2, 88 al. 1" },
  { key: "ch_opposition", validFrom: "1997-01-01", amount: 10, unit: "days", rollsToWorkingDay: true, reference: "SchKG 74 al. 1" },
  { key: "ch_continuation_expiry", validFrom: "1997-01-01", amount: 1, unit: "years", rollsToWorkingDay: false, reference: "SchKG 88 al. 2" },
];

export interface DeadlineOptions {
  /** Public holidays of the place (canton, France) for the working-day roll. */
  readonly holidays?: readonly IsoDate[];
  readonly rules?: readonly LegalDeadlineRule[];
}

/** The last day of a deadline counted from an act, by the rule in force on the act's date. */
export const deadlineEnd = (key: LegalDeadlineKey, actDate: IsoDate, options: DeadlineOptions = {}): { lastDay: IsoDate; rule: LegalDeadlineRule } => {
  const rule = entryInForceOn(key, (options.rules ?? LEGAL_DEADLINES).filter((r) => r.key === key), actDate);
  const raw = rule.unit === "days" ? addDays(actDate, rule.amount) : rule.unit === "months" ? addMonths(actDate, rule.amount) : addYears(actDate, rule.amount);
  return { lastDay: rule.rollsToWorkingDay ? nextWorkingDay(raw, new Set(options.holidays ?? [])) : raw, rule };
};

export interface InjonctionServiceDeadline {
  /** The last day to serve the order. */
  readonly lastDayToServe: IsoDate;
  /** The order lapses (is void) if not served by then. */
  readonly lapsesOn: IsoDate;
  readonly alertDate: IsoDate;
  readonly basis: Explanation[];
}

/** An injonction de payer not served within 6 months of issue lapses (CPC 1411); alert `alertDays` before. */
export const injonctionServiceDeadline = (issueDate: IsoDate, alertDays: number, options: DeadlineOptions = {}): InjonctionServiceDeadline => {
  if (!Number.isSafeInteger(alertDays) || alertDays < 0) throw invalidCollectionData(`alertDays: ${alertDays} is not a whole number of days ≥ 0`, "collection.invalidDeadlineInput");
  const { lastDay, rule } = deadlineEnd("fr_injonction_service", issueDate, options);
  const lapsesOn = addDays(lastDay, 1);
  const alertDate = addDays(lastDay, -alertDays);
  return {
    lastDayToServe: lastDay,
    lapsesOn,
    alertDate,
    basis: [
      explain("collection.deadline.injonctionService", { issueDate, lastDay, lapsesOn, reference: rule.reference },
        `The order issued ${issueDate} must be served by ${lastDay} (${rule.amount} ${rule.unit}, ${rule.reference}); unserved, it lapses on ${lapsesOn}.`),
    ],
  };
};

/** The debtor's month to oppose an injonction de payer, from service (CPC 1416); final after it (CPC 1422). */
export const injonctionOppositionDeadline = (serviceDate: IsoDate, options: DeadlineOptions = {}): { lastDay: IsoDate; finalFrom: IsoDate; basis: Explanation[] } => {
  const { lastDay, rule } = deadlineEnd("fr_injonction_opposition", serviceDate, options);
  const finalFrom = addDays(lastDay, 1);
  return {
    lastDay,
    finalFrom,
    basis: [explain("collection.deadline.injonctionOpposition", { serviceDate, lastDay, reference: rule.reference },
      `Served ${serviceDate}: the debtor may oppose until ${lastDay} (${rule.reference}); without opposition the order is final from ${finalFrom}.`)],
  };
};

export interface SchkgDeadlines {
  readonly oppositionLastDay: IsoDate;
  readonly paymentLastDay: IsoDate;
  /** The days on which the continuation (Fortsetzungsbegehren) may be requested, both included. */
  readonly continuationWindow: { readonly opensOn: IsoDate; readonly closesOn: IsoDate };
  readonly basis: Explanation[];
}

/**
 * Deadlines after service of a Swiss payment order: opposition 10 days (SchKG 74); continuation once the 20-day
 * payment period has run out (SchKG 88 al. 1: "frühestens nach Ablauf von 20 Tagen"), so from the day after it,
 * until 1 year after service (88 al. 2), a year that stands still while a mainlevée case runs: pass its length.
 */
export const schkgDeadlines = (serviceDate: IsoDate, options: DeadlineOptions & { mainleveeDays?: number } = {}): SchkgDeadlines => {
  const suspended = options.mainleveeDays ?? 0;
  if (!Number.isSafeInteger(suspended) || suspended < 0) throw invalidCollectionData(`mainleveeDays: ${suspended} is not a whole number of days ≥ 0`, "collection.invalidDeadlineInput");
  const opposition = deadlineEnd("ch_opposition", serviceDate, options);
  const payment = deadlineEnd("ch_payment_period", serviceDate, options);
  const expiry = deadlineEnd("ch_continuation_expiry", serviceDate, options);
  const opensOn = addDays(payment.lastDay, 1);
  const closesOn = addDays(expiry.lastDay, suspended);
  if (toEpochDay(closesOn) < toEpochDay(opensOn)) throw invalidCollectionData("The continuation window closes before it opens: check the deadline rules", "collection.invalidDeadlineRules");
  const basis = [
    explain("collection.deadline.schkgOpposition", { serviceDate, lastDay: opposition.lastDay, reference: opposition.rule.reference },
      `Served ${serviceDate}: opposition (Rechtsvorschlag) possible until ${opposition.lastDay} (${opposition.rule.reference}).`),
    explain("collection.deadline.schkgContinuation", { opensOn, closesOn, suspended, reference: expiry.rule.reference },
      `Continuation may be requested from ${opensOn}, after the payment period ending ${payment.lastDay}, until ${closesOn}` +
      `${suspended > 0 ? ` (1 year + ${suspended} days of mainlevée proceedings)` : ""} (${payment.rule.reference}; ${expiry.rule.reference}).`),
  ];
  return { oppositionLastDay: opposition.lastDay, paymentLastDay: payment.lastDay, continuationWindow: { opensOn, closesOn }, basis };
};
