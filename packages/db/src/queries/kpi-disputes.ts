import type { TenantTx } from "../database.ts";
import type { KpiDimensionFilter } from "./kpi-figures.ts";

export interface DisputeReasonFigure {
  code: string;
  labelFr: string;
  labelEn: string;
  count: number;
  amountMinor: number;
}

export interface DisputeFigures {
  currency: "EUR" | "CHF";
  /** Unresolved now. */
  openCount: number;
  openMinor: number;
  averageAgeDays: number | null;
  oldestAgeDays: number | null;
  overdueCount: number;
  /** Unresolved disputes per status (the funnel), and those resolved in the period. */
  byStatus: { status: string; count: number; amountMinor: number }[];
  byReason: DisputeReasonFigure[];
  /** Days spent in each status by disputes, over the intervals that overlap the period (clipped to it). */
  daysByStatus: { status: string; days: number; disputes: number }[];
  resolvedInPeriod: number;
  resolvedInSla: number;
}

const dimensionJoin = (tx: TenantTx, f: KpiDimensionFilter) => tx`
  (${f.currency ?? null}::text is null or x.currency = ${f.currency ?? null})
  and (${f.ownerId ?? null}::text is null or (${f.ownerId ?? null} = 'none' and d.sales_owner_id is null) or d.sales_owner_id::text = ${f.ownerId ?? null})
  and (${f.segment ?? null}::text is null or d.segment = ${f.segment ?? null})
  and (${f.jurisdiction ?? null}::text is null or d.jurisdiction = ${f.jurisdiction ?? null})`;

/**
 * Dispute figures per currency over a period ending on `asOf`: unresolved count, amount and age, the status funnel,
 * reasons, days spent waiting per party (status intervals clipped to the period), and disputes resolved within
 * their SLA due date. Read from the dispute tables (hundreds of rows, not millions).
 */
export const readDisputeFigures = async (tx: TenantTx, f: KpiDimensionFilter, q: { from: string; to: string }): Promise<DisputeFigures[]> => {
  const periodStart = `${q.from}T00:00:00Z`;
  const periodEnd = `${q.to}T23:59:59.999Z`;
  const [summary, statuses, reasons, waits] = await Promise.all([
    tx<{ currency: "EUR" | "CHF"; openCount: number; openMinor: number; averageAgeDays: number | null; oldestAgeDays: number | null; overdueCount: number; resolvedInPeriod: number; resolvedInSla: number }[]>`
      select x.currency,
             count(*) filter (where x.status <> 'resolved')::int as "openCount",
             coalesce(sum(x.disputed_minor) filter (where x.status <> 'resolved'), 0)::bigint as "openMinor",
             (avg(${q.to}::date - x.opened_at::date) filter (where x.status <> 'resolved'))::float8 as "averageAgeDays",
             max(${q.to}::date - x.opened_at::date) filter (where x.status <> 'resolved') as "oldestAgeDays",
             count(*) filter (where x.status <> 'resolved' and x.due_date < ${q.to}::date)::int as "overdueCount",
             count(*) filter (where x.status = 'resolved' and x.resolved_at::date between ${q.from}::date and ${q.to}::date)::int as "resolvedInPeriod",
             count(*) filter (where x.status = 'resolved' and x.resolved_at::date between ${q.from}::date and ${q.to}::date
                                and x.resolved_at::date <= x.due_date)::int as "resolvedInSla"
      from disputes x join debtors d on d.id = x.debtor_id
      where ${dimensionJoin(tx, f)} and x.opened_at <= ${periodEnd}::timestamptz
      group by x.currency`,
    tx<{ currency: string; status: string; count: number; amountMinor: number }[]>`
      select x.currency, x.status, count(*)::int as count, sum(x.disputed_minor)::bigint as "amountMinor"
      from disputes x join debtors d on d.id = x.debtor_id
      where ${dimensionJoin(tx, f)} and x.opened_at <= ${periodEnd}::timestamptz
        and (x.status <> 'resolved' or x.resolved_at::date between ${q.from}::date and ${q.to}::date)
      group by 1, 2`,
    tx<{ currency: string; code: string; labelFr: string; labelEn: string; count: number; amountMinor: number }[]>`
      select x.currency, r.code, r.label_fr as "labelFr", r.label_en as "labelEn", count(*)::int as count, sum(x.disputed_minor)::bigint as "amountMinor"
      from disputes x join debtors d on d.id = x.debtor_id join dispute_reasons r on r.id = x.reason_id
      where ${dimensionJoin(tx, f)} and x.opened_at <= ${periodEnd}::timestamptz
        and (x.status <> 'resolved' or x.resolved_at::date between ${q.from}::date and ${q.to}::date)
      group by 1, 2, 3, 4 order by count(*) desc, r.code`,
    tx<{ currency: string; status: string; days: number; disputes: number }[]>`
      select x.currency, i.status,
             (sum(extract(epoch from least(coalesce(i.ended_at, now()), ${periodEnd}::timestamptz) - greatest(i.started_at, ${periodStart}::timestamptz))) / 86400)::float8 as days,
             count(distinct x.id)::int as disputes
      from dispute_status_intervals i join disputes x on x.id = i.dispute_id join debtors d on d.id = x.debtor_id
      where ${dimensionJoin(tx, f)} and i.status <> 'resolved'
        and i.started_at <= ${periodEnd}::timestamptz and coalesce(i.ended_at, now()) >= ${periodStart}::timestamptz
      group by 1, 2`,
  ]);
  return summary.map((s) => ({
    ...s,
    averageAgeDays: s.averageAgeDays === null ? null : Math.round(s.averageAgeDays * 10) / 10,
    byStatus: statuses.filter((r) => r.currency === s.currency).map(({ currency: _c, ...r }) => r),
    byReason: reasons.filter((r) => r.currency === s.currency).map(({ currency: _c, ...r }) => r),
    daysByStatus: waits.filter((r) => r.currency === s.currency).map(({ currency: _c, ...r }) => ({ ...r, days: Math.round(Math.max(0, r.days) * 10) / 10 })),
  }));
};
