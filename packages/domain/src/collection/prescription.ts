import { daysBetween, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { addYears } from "./calendar-periods.ts";
import { missingCollectionData } from "./collection-errors.ts";
import { explain, type Explanation } from "./explanation.ts";
import type { Jurisdiction, Segment } from "./late-penalty-types.ts";
import { LIMITATION_PERIODS, type LimitationPeriod, type PrescriptionEventKind } from "./limitation-periods.ts";

export interface PrescriptionEvent {
  readonly kind: PrescriptionEventKind;
  readonly date: IsoDate;
}

export interface PrescriptionInput {
  readonly jurisdiction: Jurisdiction;
  readonly segment: Segment;
  readonly dueDate: IsoDate;
  /** CH: a CO 128 claim (periodic payments, supplies, craftwork, small retail, professionals' fees): 5 years. */
  readonly chShortPeriod?: boolean;
  readonly events: readonly PrescriptionEvent[];
  /** Defaults to LIMITATION_PERIODS. */
  readonly periods?: readonly LimitationPeriod[];
}

export interface Prescription {
  /** The last day the claim can still be pursued or interrupted; it is time-barred from the next day. */
  readonly date: IsoDate;
  readonly period: Pick<LimitationPeriod, "key" | "years" | "reference">;
  readonly basis: Explanation[];
}

export const limitationPeriodFor = (input: Pick<PrescriptionInput, "jurisdiction" | "segment" | "chShortPeriod" | "periods">): LimitationPeriod => {
  const short = input.jurisdiction === "CH" && (input.chShortPeriod ?? false);
  const found = (input.periods ?? LIMITATION_PERIODS).find(
    (p) => p.jurisdiction === input.jurisdiction && (p.segment === null || p.segment === input.segment) && p.short === short,
  );
  if (found === undefined) throw missingCollectionData(`No limitation period for ${input.jurisdiction} ${input.segment}${short ? " (short)" : ""}`, "collection.noLimitationPeriod");
  return found;
};

/**
 * The limitation date of a claim: the due date + the period in years, on the same day number (29 Feb → 28 Feb in a
 * common year: the period ends on the last day of the month, C. civ. 2228–2229 / CPC 641, CO 77 al. 1 ch. 3, 132).
 * Events are taken in date order: one that interrupts starts a full new period from its own date. Events before
 * the due date, and events after the claim is already time-barred, change nothing (a debtor's waiver of an
 * acquired prescription, C. civ. 2250, is not modelled).
 */
export const prescriptionDate = (input: PrescriptionInput): Prescription => {
  const period = limitationPeriodFor(input);
  const lasting = `${period.years} years (${period.reference})`;
  let date = addYears(input.dueDate, period.years);
  const basis: Explanation[] = [
    explain("collection.prescription.start", { dueDate: input.dueDate, years: period.years, reference: period.reference, date },
      `The claim, due ${input.dueDate}, is time-barred after ${lasting}: last day ${date}.`),
  ];
  const events = [...input.events].sort((a, b) => toEpochDay(a.date) - toEpochDay(b.date));
  for (const event of events) {
    const rule = period.events[event.kind];
    const params = { kind: event.kind, date: event.date, reference: rule.reference };
    if (toEpochDay(event.date) < toEpochDay(input.dueDate)) {
      basis.push(explain("collection.prescription.beforeDue", params, `${event.kind} on ${event.date}: before the due date, the period had not started; ignored.`));
    } else if (toEpochDay(event.date) > toEpochDay(date)) {
      basis.push(explain("collection.prescription.afterBar", params, `${event.kind} on ${event.date}: after the claim was time-barred (${date}); it cannot interrupt.`));
    } else if (!rule.interrupts) {
      basis.push(explain("collection.prescription.noInterruption", params, `${event.kind} on ${event.date}: does not interrupt the limitation period (${rule.reference}).`));
    } else {
      date = addYears(event.date, period.years);
      basis.push(explain("collection.prescription.interrupted", { ...params, years: period.years, newDate: date },
        `${event.kind} on ${event.date} interrupts the period (${rule.reference}): a new period of ${period.years} years runs, last day ${date}.`));
    }
  }
  return { date, period: { key: period.key, years: period.years, reference: period.reference }, basis };
};

/** True from `warnDays` before the limitation date up to that date itself; false once it has passed. */
export const isApproaching = (date: IsoDate, asOf: IsoDate, warnDays: number): boolean => {
  const left = daysBetween(asOf, date);
  return left >= 0 && left <= warnDays;
};

export type PrescriptionStatus = "running" | "approaching" | "time_barred";

export const prescriptionStatus = (date: IsoDate, asOf: IsoDate, warnDays: number): PrescriptionStatus =>
  daysBetween(asOf, date) < 0 ? "time_barred" : isApproaching(date, asOf, warnDays) ? "approaching" : "running";
