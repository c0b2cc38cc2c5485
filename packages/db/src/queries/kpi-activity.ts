import type { TenantTx } from "../database.ts";

export interface PromiseFiguresRow {
  currency: string;
  kept: number;
  broken: number;
  pending: number;
  /** Pending promises falling due from `weekStart` to 6 days later. */
  dueThisWeekMinor: number;
  dueThisWeekCount: number;
}

/** Promises resolved in a period (kept, broken), pending now, and what is promised for the week starting `weekStart`. */
export const readPromiseFigures = (
  tx: TenantTx,
  q: { from: string; to: string; weekStart: string; currency?: string | null },
): Promise<PromiseFiguresRow[]> =>
  tx<PromiseFiguresRow[]>`
    select currency,
           count(*) filter (where status = 'kept' and resolved_at::date between ${q.from}::date and ${q.to}::date)::int as kept,
           count(*) filter (where status = 'broken' and resolved_at::date between ${q.from}::date and ${q.to}::date)::int as broken,
           count(*) filter (where status = 'pending')::int as pending,
           coalesce(sum(amount_minor) filter (where status = 'pending' and promised_for between ${q.weekStart}::date and ${q.weekStart}::date + 6), 0)::bigint as "dueThisWeekMinor",
           count(*) filter (where status = 'pending' and promised_for between ${q.weekStart}::date and ${q.weekStart}::date + 6)::int as "dueThisWeekCount"
    from promises
    where (${q.currency ?? null}::text is null or currency = ${q.currency ?? null})
      and (status = 'pending' or resolved_at >= ${q.from}::date)
    group by currency`;

/** Pending promises from `from` on, for the forecast. */
export const readPendingPromises = (tx: TenantTx, currency: string | null): Promise<{ currency: string; promisedFor: string; amountMinor: number }[]> =>
  tx<{ currency: string; promisedFor: string; amountMinor: number }[]>`
    select currency, promised_for as "promisedFor", sum(amount_minor)::bigint as "amountMinor"
    from promises where status = 'pending' and (${currency}::text is null or currency = ${currency})
    group by 1, 2`;

/**
 * The payers' usual delay: days from due date to booking, weighted by amount, over allocations made since `since`
 * (not reversed). Null without history.
 */
export const readAveragePaymentDelay = async (tx: TenantTx, since: string): Promise<number | null> => {
  const [row] = await tx<{ delay: number | null }[]>`
    select (sum((p.booking_date - i.due_date)::numeric * a.amount_minor) / nullif(sum(a.amount_minor), 0))::float8 as delay
    from payment_allocations a
    join payments p on p.id = a.payment_id
    join invoices i on i.id = a.invoice_id
    where a.created_at >= ${since}::date and a.reversed_at is null`;
  return row?.delay ?? null;
};

export interface CollectorActivityRow {
  userId: string;
  displayName: string;
  role: string;
  actions: number;
  calls: number;
  promises: number;
  collectedMinor: number;
  currency: "EUR" | "CHF" | null;
  casesClosed: number;
}

/**
 * What each member did in a period: timeline entries they wrote (calls, notes, promises, stage changes), payments
 * they matched (amount allocated, per currency), and cases they closed.
 */
export const readCollectorActivity = (tx: TenantTx, from: string, to: string): Promise<CollectorActivityRow[]> =>
  tx<CollectorActivityRow[]>`
    with acts as (
      select actor_id as user_id, count(*)::int as actions, count(*) filter (where kind = 'call')::int as calls,
             count(*) filter (where kind = 'promise')::int as promises,
             count(*) filter (where kind = 'stage_change' and payload->>'to' = 'closed')::int as closed
      from timeline_events
      where actor_id is not null and occurred_at >= ${from}::date and occurred_at < ${to}::date + 1
      group by actor_id
    ), collected as (
      select a.created_by as user_id, p.currency, sum(a.amount_minor)::bigint as amount
      from payment_allocations a join payments p on p.id = a.payment_id
      where a.created_by is not null and a.reversed_at is null and a.created_at >= ${from}::date and a.created_at < ${to}::date + 1
      group by 1, 2
    )
    select u.id as "userId", u.display_name as "displayName", m.role,
           coalesce(acts.actions, 0) as actions, coalesce(acts.calls, 0) as calls, coalesce(acts.promises, 0) as promises,
           coalesce(c.amount, 0)::bigint as "collectedMinor", c.currency,
           coalesce(acts.closed, 0) as "casesClosed"
    from memberships m join users u on u.id = m.user_id
    left join acts on acts.user_id = m.user_id
    left join collected c on c.user_id = m.user_id
    where m.org_id = current_org_id() and (acts.user_id is not null or c.user_id is not null)
    order by u.display_name, c.currency`;

export interface DebtorAtRiskRow {
  debtorId: string;
  name: string;
  currency: "EUR" | "CHF";
  overdueMinor: number;
  oldestDaysPastDue: number;
  overdueCount: number;
  /** Overdue amount weighted by days late (amount × days ÷ 30): large and old weigh most. */
  riskScore: number;
}

/** The debtors with the most overdue money, weighted by age. */
export const readDebtorsAtRisk = (
  tx: TenantTx,
  q: { asOf: string; limit: number; currency?: string | null; ownerId?: string | null; segment?: string | null; jurisdiction?: string | null },
): Promise<DebtorAtRiskRow[]> =>
  tx<DebtorAtRiskRow[]>`
    select d.id as "debtorId", d.name, i.currency, sum(i.open_minor)::bigint as "overdueMinor",
           max(${q.asOf}::date - i.due_date)::int as "oldestDaysPastDue", count(*)::int as "overdueCount",
           round(sum(i.open_minor::numeric * (${q.asOf}::date - i.due_date)) / 3000)::float8 as "riskScore"
    from invoices i join debtors d on d.id = i.debtor_id
    where i.open_minor > 0 and i.due_date < ${q.asOf}::date
      and (${q.currency ?? null}::text is null or i.currency = ${q.currency ?? null})
      and (${q.ownerId ?? null}::text is null or (${q.ownerId ?? null} = 'none' and d.sales_owner_id is null) or d.sales_owner_id::text = ${q.ownerId ?? null})
      and (${q.segment ?? null}::text is null or d.segment = ${q.segment ?? null})
      and (${q.jurisdiction ?? null}::text is null or d.jurisdiction = ${q.jurisdiction ?? null})
    group by d.id, d.name, i.currency
    order by "riskScore" desc, d.name limit ${q.limit}`;
