import { addDays, daysBetween, type IsoDate } from "../ledger/calendar-date.ts";
import { addYears } from "./calendar-periods.ts";
import { injonctionServiceDeadline, schkgDeadlines } from "./legal-deadlines.ts";
import { LIMITATION_PERIODS } from "./limitation-periods.ts";
import type { Jurisdiction, Segment } from "./late-penalty-types.ts";
import { isApproaching, prescriptionDate, type PrescriptionEvent } from "./prescription.ts";

/** What the daily run warns collectors about (FACTS §1–4, §6, §8). */
export const ALERT_KINDS = [
  "due_date_passed", "action_due", "promise_due", "promise_broken", "prescription_approaching", "injonction_unserved", "schkg_continuation",
  // raised by the dispute escalation (an unresolved dispute past its due date)
  "dispute_overdue",
  // raised when a debtor answers one of our e-mails (not an automatic answer)
  "debtor_replied",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An alert as the alerts panel and the live push show it. */
export interface CollectionAlert {
  id: string;
  kind: AlertKind;
  caseId: string | null;
  debtorId: string | null;
  debtorName: string | null;
  /** The day the alert is about (the deadline, the promise's date, the due date). */
  dueOn: IsoDate;
  /** Kind-specific facts: invoice numbers, amounts, the legal reference. */
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** How long before a deadline the alerts start; a tenant setting one day, data now. */
export const ALERT_WARN_DAYS = { prescription: 90, injonction: 30 } as const;

export interface PrescriptionCheck {
  readonly jurisdiction: Jurisdiction;
  readonly segment: Segment;
  readonly dueDate: IsoDate;
  readonly events: readonly PrescriptionEvent[];
}

/**
 * The limitation date of an invoice when it falls within `warnDays` of `asOf` (time-barred claims are past help and
 * not alerted). Partial payments and acknowledgments restart the period; a formal notice does not in France.
 */
export const approachingPrescription = (check: PrescriptionCheck, asOf: IsoDate, warnDays: number = ALERT_WARN_DAYS.prescription) => {
  const prescription = prescriptionDate({ jurisdiction: check.jurisdiction, segment: check.segment, dueDate: check.dueDate, events: check.events });
  return isApproaching(prescription.date, asOf, warnDays) ? prescription : null;
};

/**
 * The latest due date an invoice can have and still be within `warnDays` of its limitation date: the shortest period
 * (2 years, French consumers) bounds which invoices can be near it at all, so the rest are never loaded. One day of
 * margin covers 29 February.
 */
export const prescriptionCandidateCutoff = (asOf: IsoDate, warnDays: number = ALERT_WARN_DAYS.prescription): IsoDate =>
  addDays(addYears(addDays(asOf, warnDays), -SHORTEST_PERIOD_YEARS), 1);

const SHORTEST_PERIOD_YEARS = Math.min(...LIMITATION_PERIODS.map((p) => p.years));

export interface ProceedingAlert {
  kind: "injonction_unserved" | "schkg_continuation";
  dueOn: IsoDate;
  payload: Record<string, unknown>;
}

/** An injonction de payer issued but not served: alert from `warnDays` before it lapses (CPC 1411) until it does. */
export const injonctionAlert = (issuedOn: IsoDate, servedOn: IsoDate | null, asOf: IsoDate, warnDays: number = ALERT_WARN_DAYS.injonction): ProceedingAlert | null => {
  if (servedOn !== null) return null;
  const deadline = injonctionServiceDeadline(issuedOn, warnDays);
  if (asOf < deadline.alertDate || asOf > deadline.lastDayToServe) return null;
  return { kind: "injonction_unserved", dueOn: deadline.lastDayToServe, payload: { issuedOn, lapsesOn: deadline.lapsesOn, daysLeft: daysBetween(asOf, deadline.lastDayToServe) } };
};

/** A served Swiss payment order: the continuation may be requested from 20 days after service until 1 year (SchKG 88). */
export const schkgContinuationAlert = (servedOn: IsoDate | null, mainleveeDays: number, asOf: IsoDate): ProceedingAlert | null => {
  if (servedOn === null) return null;
  const { continuationWindow } = schkgDeadlines(servedOn, { mainleveeDays });
  if (asOf < continuationWindow.opensOn || asOf > continuationWindow.closesOn) return null;
  return { kind: "schkg_continuation", dueOn: continuationWindow.closesOn, payload: { servedOn, opensOn: continuationWindow.opensOn, closesOn: continuationWindow.closesOn } };
};
