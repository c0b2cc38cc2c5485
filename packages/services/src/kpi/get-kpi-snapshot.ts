import {
  readAgingEdges, readArBalances, readAveragePaymentDelay, readMonthlyArChanges, readMonthlySales, readOpenByDueDate, readOpenByDueDateAsOf,
  readPendingPromises, readPromiseFigures, readSalesTotals, withTenant, type DueDateTotalRow, type KpiDimensionFilter,
} from "@relance/db";
import {
  addDays, ageDueDateTotals, averageDaysDelinquent, bestPossibleDso, bucketsFromEdges, collectionEffectivenessIndex, countBackDso,
  CURRENCIES, expectedPaymentDate, forecastCashIn, monthsEndingAt, periodDays, promiseKeptRate, standardDso, type Currency, type ExpectedReceipt,
} from "@relance/domain";
import { calendarDate, type Actor, type ServiceDeps } from "../deps.ts";
import { parseOrThrow } from "../parse-or-throw.ts";
import { requireKpiReader } from "./kpi-access.ts";
import { kpiSnapshotInput } from "./kpi-inputs.ts";
import type { CurrencyKpis, DsoTrendPoint, KpiSnapshot } from "./kpi-snapshot-types.ts";

const TREND_MONTHS = 12;
const COUNT_BACK_MONTHS = 12;
const FORECAST_WEEKS = 8;
const DELAY_HISTORY_DAYS = 180;

const byCurrency = <T extends { currency: string }>(rows: T[], currency: string): T[] => rows.filter((r) => r.currency === currency);

/** Count-back DSO at a month end from the monthly sales, newest first from that month. */
const countBackAt = (arMinor: number, months: { month: string; days: number }[], sales: Map<string, number>) =>
  countBackDso(arMinor, months.map((m) => ({ month: m.month, days: m.days, salesMinor: sales.get(m.month) ?? 0 })));

/**
 * The dashboard's figures, read from the rollups only (never the invoices): totals, overdue and aging as of a date,
 * DSO (standard and count-back), Best Possible DSO, ADD and CEI over a period, a 12-month DSO trend, a weekly cash-in
 * forecast and promise figures, per currency.
 */
export const getKpiSnapshot = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<KpiSnapshot> => {
  requireKpiReader(actor);
  const v = parseOrThrow(kpiSnapshotInput, input ?? {}, "kpi");
  const today = calendarDate(deps.clock.now());
  const asOf = v.asOf ?? today;
  const period = v.period ?? { from: addDays(asOf, -89), to: asOf };
  const days = periodDays(period);
  const f: KpiDimensionFilter = v.filters;
  const trendMonths = monthsEndingAt(asOf, TREND_MONTHS);
  const salesWindowStart = monthsEndingAt(asOf, TREND_MONTHS + COUNT_BACK_MONTHS).at(-1)!.from;
  const countBackStart = monthsEndingAt(period.to, COUNT_BACK_MONTHS).at(-1)!.from;

  const r = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    // issued together: postgres.js pipelines them on the transaction's connection
    const [edges, open, balances, salesTotals, monthlySales, periodMonthlySales, arChanges, promises, pending, delay] = await Promise.all([
      readAgingEdges(tx),
      asOf >= today ? readOpenByDueDate(tx, f) : readOpenByDueDateAsOf(tx, f, asOf),
      readArBalances(tx, f, period.from, period.to),
      readSalesTotals(tx, f, period.from, period.to),
      readMonthlySales(tx, f, salesWindowStart, asOf),
      // the trend's months already cover the count-back of a period ending on the as-of date
      period.to === asOf ? Promise.resolve(null) : readMonthlySales(tx, f, countBackStart, period.to),
      readMonthlyArChanges(tx, f, trendMonths.at(-1)!.from, asOf),
      readPromiseFigures(tx, { from: period.from, to: period.to, weekStart: asOf, currency: f.currency }),
      readPendingPromises(tx, f.currency ?? null),
      readAveragePaymentDelay(tx, addDays(today, -DELAY_HISTORY_DAYS)),
    ]);
    return { edges, open, balances, salesTotals, monthlySales, periodMonthlySales: periodMonthlySales ?? monthlySales, arChanges, promises, pending, delay };
  });

  const buckets = bucketsFromEdges(r.edges);
  const currencies = CURRENCIES.filter((c) => (f.currency ? c === f.currency : true)).flatMap((currency): CurrencyKpis[] => {
    const open: DueDateTotalRow[] = byCurrency(r.open, currency);
    const balance = byCurrency(r.balances, currency)[0];
    const sales = byCurrency(r.salesTotals, currency)[0]?.amountMinor ?? 0;
    if (open.length === 0 && !balance && sales === 0) return [];
    const totalMinor = open.reduce((n, row) => n + row.openMinor, 0);
    const overdue = open.filter((row) => row.dueDate < asOf);
    const closingArMinor = balance?.closingMinor ?? 0;
    const closingCurrentArMinor = balance?.closingCurrentMinor ?? 0;
    const openingArMinor = balance?.openingMinor ?? 0;
    const standard = standardDso({ arMinor: closingArMinor, creditSalesMinor: sales, days });
    const bestPossible = bestPossibleDso({ currentArMinor: closingCurrentArMinor, creditSalesMinor: sales, days });
    const periodSales = new Map(byCurrency(r.periodMonthlySales, currency).map((m) => [m.month, m.amountMinor]));
    const countBack = countBackAt(closingArMinor, monthsEndingAt(period.to, COUNT_BACK_MONTHS), periodSales);
    const promise = byCurrency(r.promises, currency)[0];
    const pendingPromises = byCurrency(r.pending, currency);
    return [
      {
        currency: currency as Currency,
        totalMinor,
        overdueMinor: overdue.reduce((n, row) => n + row.openMinor, 0),
        openCount: asOf >= today ? open.reduce((n, row) => n + row.openCount, 0) : null,
        overdueCount: asOf >= today ? overdue.reduce((n, row) => n + row.openCount, 0) : null,
        aging: ageDueDateTotals(open.map((row) => ({ dueDate: row.dueDate, openMinor: row.openMinor, itemCount: row.openCount })), asOf, buckets),
        dso: {
          creditSalesMinor: sales,
          openingArMinor,
          closingArMinor,
          closingCurrentArMinor,
          standard,
          countBack: closingArMinor > 0 ? countBack.days : 0,
          countBackExhausted: countBack.exhausted,
          bestPossible,
          averageDaysDelinquent: averageDaysDelinquent(standard, bestPossible),
          cei: collectionEffectivenessIndex({ openingArMinor, creditSalesMinor: sales, closingArMinor, closingCurrentArMinor }),
        },
        dsoTrend: trendOf(currency, trendMonths, r.monthlySales, r.arChanges),
        forecast: forecastOf(open, pendingPromises, asOf, r.delay ?? 0),
        promises: {
          kept: promise?.kept ?? 0,
          broken: promise?.broken ?? 0,
          pending: promise?.pending ?? 0,
          keptRate: promiseKeptRate(promise?.kept ?? 0, promise?.broken ?? 0),
          dueThisWeekMinor: promise?.dueThisWeekMinor ?? 0,
          dueThisWeekCount: promise?.dueThisWeekCount ?? 0,
        },
      },
    ];
  });

  return {
    asOf,
    period: { ...period, days },
    agingEdges: r.edges,
    averagePaymentDelayDays: r.delay === null ? null : Math.round(r.delay * 10) / 10,
    currencies,
  };
};

/** Standard DSO of each month (AR at its end ÷ its sales × its days) and count-back DSO at its end. */
const trendOf = (
  currency: string,
  months: ReturnType<typeof monthsEndingAt>,
  monthlySales: { currency: string; month: string; amountMinor: number }[],
  arChanges: { currency: string; month: string; amountMinor: number }[],
): DsoTrendPoint[] => {
  const sales = new Map(byCurrency(monthlySales, currency).map((m) => [m.month, m.amountMinor]));
  const changes = new Map(byCurrency(arChanges, currency).map((m) => [m.month, m.amountMinor]));
  let ar = changes.get("before") ?? 0;
  return [...months].reverse().map((m) => {
    ar += changes.get(m.month) ?? 0;
    const monthSales = sales.get(m.month) ?? 0;
    const back = countBackAt(ar, monthsEndingAt(m.to, COUNT_BACK_MONTHS), sales);
    return {
      month: m.month,
      arMinor: ar,
      salesMinor: monthSales,
      standard: standardDso({ arMinor: ar, creditSalesMinor: monthSales, days: m.days }),
      countBack: ar > 0 ? back.days : 0,
    };
  });
};

/**
 * Weekly cash-in: each due date's open amount expected after the payers' usual delay, plus pending promises on
 * their date. A promise covers money already counted by due date, so the promised total is taken off the due-date
 * receipts, earliest first.
 */
const forecastOf = (
  open: DueDateTotalRow[],
  promises: { promisedFor: string; amountMinor: number }[],
  asOf: string,
  delayDays: number,
) => {
  let promised = promises.reduce((n, p) => n + p.amountMinor, 0);
  const receipts: ExpectedReceipt[] = [];
  for (const row of [...open].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))) {
    if (row.openMinor <= 0) continue;
    const covered = Math.min(promised, row.openMinor);
    promised -= covered;
    receipts.push({ expectedOn: expectedPaymentDate(row.dueDate, delayDays, asOf), amountMinor: row.openMinor - covered, source: "due" });
  }
  for (const p of promises) receipts.push({ expectedOn: p.promisedFor, amountMinor: p.amountMinor, source: "promise" });
  return forecastCashIn(receipts, asOf, FORECAST_WEEKS);
};
