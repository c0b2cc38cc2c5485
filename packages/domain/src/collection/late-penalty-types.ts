import type { Currency } from "../money.ts";
import type { IsoDate } from "../ledger/calendar-date.ts";
import type { Explanation } from "./explanation.ts";
import type { FrB2bPenaltyTerms } from "./late-penalty-terms.ts";
import type { RateTables } from "./rate-tables.ts";

export type Jurisdiction = "FR" | "CH";
export type Segment = "b2b" | "b2c";

export interface LatePenaltyInput {
  readonly jurisdiction: Jurisdiction;
  readonly segment: Segment;
  /** The open amount of the invoice, in minor units: the interest base (never the indemnity, never interest). */
  readonly principalMinor: number;
  readonly currency: Currency;
  readonly dueDate: IsoDate;
  /** Interest runs up to and including this day. */
  readonly asOf: IsoDate;
  /** FR B2C: the day the mise en demeure was received; interest runs from it (C. civ. 1231-6). */
  readonly formalNoticeDate?: IsoDate | null;
  /** CH without a fixed due date: the day the first Mahnung was received (CO 102 al. 1). */
  readonly firstReminderDate?: IsoDate | null;
  /** CH: the due date was a fixed, agreed date, so default starts without a reminder (CO 102 al. 2). Default true. */
  readonly fixedDueDate?: boolean;
  /** FR B2B: a contractual penalty rate, decimal percent text; floored at 3 × the legal rate. */
  readonly contractualRatePercent?: string | null;
  readonly tables: Pick<RateTables, "ecb_refinancing" | "fr_legal_rate_other" | "ch_default_interest" | "fr_recovery_indemnity">;
  /** FR B2B statutory terms; defaults to FR_B2B_PENALTY_TERMS. */
  readonly frB2bTerms?: readonly FrB2bPenaltyTerms[];
}

/** Interest for one period at one rate: `from`..`to` inclusive, `days` of them. */
export interface PenaltyLine {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly ratePercent: string;
  /** The day-count denominator (Actual/365 Fixed: always 365). */
  readonly yearDays: number;
  readonly interestMinor: number;
  readonly explanation: Explanation;
}

export interface LatePenalties {
  readonly currency: Currency;
  readonly lines: PenaltyLine[];
  readonly interestMinor: number;
  /** FR B2B only: the flat recovery indemnity (€40), outside the interest base, no VAT. */
  readonly indemnityMinor: number;
  readonly totalMinor: number;
  /** Every note and line in English, in order. */
  readonly explanation: string[];
  /** The notes (not the lines) with keys for translation. */
  readonly notes: Explanation[];
}

/** What a jurisdiction's rule adds: its lines, its indemnity and its notes. */
export interface PenaltyPart {
  readonly lines: PenaltyLine[];
  readonly indemnityMinor: number;
  readonly notes: Explanation[];
}
