import type { IsoDate } from "../ledger/calendar-date.ts";

/**
 * The statutory terms of French B2B late penalties (C. com. L441-10), as dated data like the rates themselves: the
 * margin over the ECB rate and the floor of a contractual rate as a multiple of the legal rate ("other cases").
 * 10 points since 2013-01-01 (loi 2012-387; 7 points before, not seeded).
 */
export interface FrB2bPenaltyTerms {
  readonly validFrom: IsoDate;
  readonly validTo?: IsoDate | null;
  /** Points added to the ECB refinancing rate, as percent text. */
  readonly ecbMarginPercent: string;
  /** A contractual rate may not be below this multiple of the legal interest rate. */
  readonly contractualFloorMultiple: number;
  readonly reference: string;
}

export const FR_B2B_PENALTY_TERMS: readonly FrB2bPenaltyTerms[] = [
  { validFrom: "2013-01-01", ecbMarginPercent: "10", contractualFloorMultiple: 3, reference: "C. com. L441-10" },
];
