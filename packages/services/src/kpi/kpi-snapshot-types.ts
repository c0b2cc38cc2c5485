import type { AgingBucketFigure, Currency, ForecastWeek } from "@relance/domain";

export interface DsoFigures {
  /** Credit sales of the period (invoices less credit notes issued in it). */
  creditSalesMinor: number;
  openingArMinor: number;
  closingArMinor: number;
  closingCurrentArMinor: number;
  standard: number | null;
  countBack: number | null;
  /** The AR outlasted the 12 months of sales looked at: count-back DSO is a lower bound. */
  countBackExhausted: boolean;
  bestPossible: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
}

export interface DsoTrendPoint {
  month: string;
  arMinor: number;
  salesMinor: number;
  standard: number | null;
  countBack: number | null;
}

export interface PromiseFigures {
  kept: number;
  broken: number;
  pending: number;
  keptRate: number | null;
  dueThisWeekMinor: number;
  dueThisWeekCount: number;
}

export interface CurrencyKpis {
  currency: Currency;
  totalMinor: number;
  overdueMinor: number;
  /** Open items now (null for a past as-of date: the history keeps amounts only). */
  openCount: number | null;
  overdueCount: number | null;
  aging: AgingBucketFigure[];
  dso: DsoFigures;
  dsoTrend: DsoTrendPoint[];
  forecast: ForecastWeek[];
  promises: PromiseFigures;
}

export interface KpiSnapshot {
  asOf: string;
  period: { from: string; to: string; days: number };
  agingEdges: number[];
  /** Amount-weighted days from due date to payment over the last 180 days' matches; null without history. */
  averagePaymentDelayDays: number | null;
  currencies: CurrencyKpis[];
}
