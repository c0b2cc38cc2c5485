export {
  averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, countBackDso, monthsEndingAt, periodDays, standardDso,
  type KpiPeriod, type MonthSales,
} from "./dso.ts";
export {
  ageDueDateTotals, bucketsFromEdges, DEFAULT_AGING_EDGES, type AgingBucketFigure, type DueDateTotal,
} from "./aging-from-due-totals.ts";
export {
  expectedPaymentDate, forecastCashIn, promiseKeptRate, type ExpectedReceipt, type ForecastSource, type ForecastWeek,
} from "./cash-in-forecast.ts";
export { KPI_WATCHERS, KPI_ROLES, canWatchDashboards } from "./kpi-access.ts";
