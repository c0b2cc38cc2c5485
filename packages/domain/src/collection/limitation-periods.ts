import type { Jurisdiction, Segment } from "./late-penalty-types.ts";

/**
 * Limitation periods and what interrupts them (FACTS §3, §8), as data with their legal references. An interrupting
 * event starts a new period of the same length from its date (C. civ. 2231; CO 137 al. 1).
 * Not modelled: a period suspended while proceedings run (C. civ. 2242; CO 138 al. 1 restarts at their end), the
 * 10-year period of a judgment or of a debt acknowledged in writing (CPCE L111-4; CO 137 al. 2).
 */
export const PRESCRIPTION_EVENT_KINDS = ["acknowledgment", "partial_payment", "court_claim", "enforcement_act", "formal_notice", "reminder"] as const;
export type PrescriptionEventKind = (typeof PRESCRIPTION_EVENT_KINDS)[number];

export interface InterruptionRule {
  readonly interrupts: boolean;
  readonly reference: string;
}

export interface LimitationPeriod {
  readonly key: "fr_b2b" | "fr_b2c" | "ch_default" | "ch_short";
  readonly jurisdiction: Jurisdiction;
  /** null: the same for both segments. */
  readonly segment: Segment | null;
  /** Applies to the CO 128 claims (periodic payments, supplies, craftwork…); CH only. */
  readonly short: boolean;
  readonly years: number;
  readonly reference: string;
  readonly events: Readonly<Record<PrescriptionEventKind, InterruptionRule>>;
}

const FR_EVENTS: Record<PrescriptionEventKind, InterruptionRule> = {
  acknowledgment: { interrupts: true, reference: "C. civ. 2240" },
  partial_payment: { interrupts: true, reference: "C. civ. 2240 (a partial payment acknowledges the debt)" },
  court_claim: { interrupts: true, reference: "C. civ. 2241" },
  enforcement_act: { interrupts: true, reference: "C. civ. 2244" },
  formal_notice: { interrupts: false, reference: "Cass. com. 18 May 2022, 20-23.204" },
  reminder: { interrupts: false, reference: "C. civ. 2240–2244 (not an interrupting act)" },
};

const CH_EVENTS: Record<PrescriptionEventKind, InterruptionRule> = {
  acknowledgment: { interrupts: true, reference: "CO 135 ch. 1" },
  partial_payment: { interrupts: true, reference: "CO 135 ch. 1 (a partial payment acknowledges the debt)" },
  court_claim: { interrupts: true, reference: "CO 135 ch. 2" },
  enforcement_act: { interrupts: true, reference: "CO 135 ch. 2, CO 138 al. 2 (every enforcement act)" },
  formal_notice: { interrupts: false, reference: "CO 135 (not an interrupting act)" },
  reminder: { interrupts: false, reference: "CO 135 (a reminder does not interrupt)" },
};

export const LIMITATION_PERIODS: readonly LimitationPeriod[] = [
  { key: "fr_b2b", jurisdiction: "FR", segment: "b2b", short: false, years: 5, reference: "C. com. L110-4", events: FR_EVENTS },
  { key: "fr_b2c", jurisdiction: "FR", segment: "b2c", short: false, years: 2, reference: "C. conso. L218-2", events: FR_EVENTS },
  { key: "ch_default", jurisdiction: "CH", segment: null, short: false, years: 10, reference: "CO 127", events: CH_EVENTS },
  { key: "ch_short", jurisdiction: "CH", segment: null, short: true, years: 5, reference: "CO 128", events: CH_EVENTS },
];
