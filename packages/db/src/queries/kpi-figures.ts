import type { Fragment } from "postgres";
import type { TenantTx } from "../database.ts";

/** Dimensions a dashboard filters on; `ownerId: "none"` means debtors without a sales owner. */
export interface KpiDimensionFilter {
  currency?: string | null;
  ownerId?: string | null;
  segment?: string | null;
  jurisdiction?: string | null;
}

const whereDimensions = (tx: TenantTx, f: KpiDimensionFilter): Fragment => {
  // without an owner filter, the rows summed over owners
  const parts: Fragment[] = [f.ownerId ? tx`not all_owners` : tx`all_owners`];
  if (f.currency) parts.push(tx`currency = ${f.currency}`);
  if (f.ownerId === "none") parts.push(tx`sales_owner_id is null`);
  else if (f.ownerId) parts.push(tx`sales_owner_id = ${f.ownerId}::uuid`);
  if (f.segment) parts.push(tx`segment = ${f.segment}`);
  if (f.jurisdiction) parts.push(tx`jurisdiction = ${f.jurisdiction}`);
  return parts.reduce((acc, part) => tx`${acc} and ${part}`);
};

export interface DueDateTotalRow {
  currency: string;
  dueDate: string;
  openMinor: number;
  openCount: number;
}

/** Today's open amounts per currency and due date, from the rollup. */
export const readOpenByDueDate = (tx: TenantTx, f: KpiDimensionFilter): Promise<DueDateTotalRow[]> =>
  tx<DueDateTotalRow[]>`
    select currency, due_date as "dueDate", sum(open_minor)::bigint as "openMinor", sum(open_count)::bigint as "openCount"
    from kpi_open_rollup where ${whereDimensions(tx, f)}
    group by currency, due_date having sum(open_minor) <> 0 or sum(open_count) <> 0`;

/** Open amounts per currency and due date as they stood at the end of `asOf` (from the dated movements; no counts). */
export const readOpenByDueDateAsOf = (tx: TenantTx, f: KpiDimensionFilter, asOf: string): Promise<DueDateTotalRow[]> =>
  tx<DueDateTotalRow[]>`
    select currency, due_date as "dueDate", sum(delta_minor)::bigint as "openMinor", 0 as "openCount"
    from kpi_ar_movements where ${whereDimensions(tx, f)} and day <= ${asOf}::date
    group by currency, due_date having sum(delta_minor) <> 0`;

export interface ArBalancesRow {
  currency: string;
  /** AR at the end of the day before the period starts. */
  openingMinor: number;
  /** AR at the end of the period, and the part of it not yet due then. */
  closingMinor: number;
  closingCurrentMinor: number;
}

/** AR balances around a period, in one pass over the dated movements. */
export const readArBalances = (tx: TenantTx, f: KpiDimensionFilter, from: string, to: string): Promise<ArBalancesRow[]> =>
  tx<ArBalancesRow[]>`
    select currency,
           coalesce(sum(delta_minor) filter (where day < ${from}::date), 0)::bigint as "openingMinor",
           coalesce(sum(delta_minor) filter (where day <= ${to}::date), 0)::bigint as "closingMinor",
           coalesce(sum(delta_minor) filter (where day <= ${to}::date and due_date >= ${to}::date), 0)::bigint as "closingCurrentMinor"
    from kpi_ar_movements where ${whereDimensions(tx, f)}
    group by currency`;

export interface MonthlyAmountRow {
  currency: string;
  /** YYYY-MM */
  month: string;
  amountMinor: number;
}

/** Credit sales per currency and month between two dates (both included). */
export const readMonthlySales = (tx: TenantTx, f: KpiDimensionFilter, from: string, to: string): Promise<MonthlyAmountRow[]> =>
  tx<MonthlyAmountRow[]>`
    select currency, to_char(issue_date, 'YYYY-MM') as month, sum(sales_minor)::bigint as "amountMinor"
    from kpi_sales_rollup where ${whereDimensions(tx, f)} and issue_date between ${from}::date and ${to}::date
    group by 1, 2`;

/** Credit sales per currency between two dates (both included). */
export const readSalesTotals = (tx: TenantTx, f: KpiDimensionFilter, from: string, to: string): Promise<{ currency: string; amountMinor: number }[]> =>
  tx<{ currency: string; amountMinor: number }[]>`
    select currency, sum(sales_minor)::bigint as "amountMinor"
    from kpi_sales_rollup where ${whereDimensions(tx, f)} and issue_date between ${from}::date and ${to}::date
    group by 1`;

/** Net AR movements per currency and month up to `to` (earlier history folded into `before`): AR at month ends. */
export const readMonthlyArChanges = (tx: TenantTx, f: KpiDimensionFilter, from: string, to: string): Promise<MonthlyAmountRow[]> =>
  tx<MonthlyAmountRow[]>`
    select currency, case when day < ${from}::date then 'before' else to_char(day, 'YYYY-MM') end as month,
           sum(delta_minor)::bigint as "amountMinor"
    from kpi_ar_movements where ${whereDimensions(tx, f)} and day <= ${to}::date
    group by 1, 2`;

/** The tenant's aging edges (days past due). */
export const readAgingEdges = async (tx: TenantTx): Promise<number[]> => {
  const [row] = await tx<{ edges: number[] }[]>`select kpi_aging_edges as edges from organizations where id = current_org_id()`;
  return row?.edges ?? [0, 30, 60, 90];
};

export const updateAgingEdges = async (tx: TenantTx, edges: number[]): Promise<void> => {
  await tx`update organizations set kpi_aging_edges = ${edges}::int[] where id = current_org_id()`;
};
