import type postgres from "postgres";
import type { TenantTx } from "../database.ts";

type Fragment = postgres.Fragment;

/** One rollup row that differs from a full recompute over the base tables. */
export interface KpiRollupDrift {
  rollup: "open" | "sales" | "movements";
  currency: string;
  /** The due date (open, movements) or issue date (sales) of the row. */
  date: string;
  /** The row sums every owner (the unfiltered dashboard's row). */
  allOwners: boolean;
  salesOwnerId: string | null;
  segment: string;
  jurisdiction: string;
  /** What the rollup holds, and what the base tables say (amount; count where the rollup keeps one). */
  actualMinor: number;
  expectedMinor: number;
  actualCount: number | null;
  expectedCount: number | null;
}

const NO_OWNER = "00000000-0000-0000-0000-000000000000";

/**
 * Recomputes the tenant's rollups from invoices and debtors and lists the rows that differ (zero rows left by
 * changes that cancelled out are not drift). The AR movements have no history in the base tables: what is checked
 * is their sum per due date and dimensions, which must equal the open amounts.
 */
/**
 * The rows where a recompute (`expected`) and a rollup (`actual`) differ; both select currency, date, all_owners,
 * sales_owner_id, segment, jurisdiction, amount and, when `counted`, n.
 */
const driftBetween = (
  tx: TenantTx,
  rollup: KpiRollupDrift["rollup"],
  expected: Fragment,
  actual: Fragment,
  counted: boolean,
) => tx<KpiRollupDrift[]>`
    with expected as (${expected}), actual as (${actual})
    select ${rollup} as rollup, coalesce(e.currency, a.currency) as currency, coalesce(e.date, a.date)::text as date,
           coalesce(e.all_owners, a.all_owners) as "allOwners", coalesce(e.sales_owner_id, a.sales_owner_id) as "salesOwnerId", coalesce(e.segment, a.segment) as segment,
           coalesce(e.jurisdiction, a.jurisdiction) as jurisdiction,
           coalesce(a.amount, 0)::float8 as "actualMinor", coalesce(e.amount, 0)::float8 as "expectedMinor",
           ${counted ? tx`coalesce(a.n, 0)::int as "actualCount", coalesce(e.n, 0)::int as "expectedCount"` : tx`null::int as "actualCount", null::int as "expectedCount"`}
    from expected e full join actual a
      on a.currency = e.currency and a.date = e.date and a.all_owners = e.all_owners and coalesce(a.sales_owner_id, ${NO_OWNER}::uuid) = coalesce(e.sales_owner_id, ${NO_OWNER}::uuid)
         and a.segment = e.segment and a.jurisdiction = e.jurisdiction
    where e.amount is distinct from a.amount ${counted ? tx`or e.n is distinct from a.n` : tx``}
    order by 2, 3`;

/** Invoices grouped by a date column and the rollups' dimensions, once per owner and once over all owners. */
const byDimensions = (tx: TenantTx, date: Fragment, measures: Fragment, having: Fragment) => tx`
  select i.currency, ${date} as date, l.all_owners, case when l.all_owners then null else d.sales_owner_id end as sales_owner_id,
         d.segment, d.jurisdiction, ${measures}
  from invoices i join debtors d on d.id = i.debtor_id cross join (values (false), (true)) l (all_owners)
  group by 1, 2, 3, 4, 5, 6 having ${having}`;

export const findKpiRollupDrift = async (tx: TenantTx): Promise<KpiRollupDrift[]> => {
  const open = await driftBetween(
    tx,
    "open",
    byDimensions(
      tx,
      tx`i.due_date`,
      tx`sum(i.open_minor)::bigint as amount, count(*) filter (where i.open_minor <> 0)::bigint as n`,
      tx`sum(i.open_minor) <> 0 or count(*) filter (where i.open_minor <> 0) <> 0`,
    ),
    tx`select currency, due_date as date, all_owners, sales_owner_id, segment, jurisdiction, open_minor as amount, open_count as n
       from kpi_open_rollup where open_minor <> 0 or open_count <> 0`,
    true,
  );
  const sales = await driftBetween(
    tx,
    "sales",
    byDimensions(
      tx,
      tx`i.issue_date`,
      tx`sum(i.amount_minor)::bigint as amount, count(*) filter (where i.amount_minor > 0)::bigint as n`,
      tx`sum(i.amount_minor) <> 0 or count(*) filter (where i.amount_minor > 0) <> 0`,
    ),
    tx`select currency, issue_date as date, all_owners, sales_owner_id, segment, jurisdiction, sales_minor as amount, invoice_count as n
       from kpi_sales_rollup where sales_minor <> 0 or invoice_count <> 0`,
    true,
  );
  const movements = await driftBetween(
    tx,
    "movements",
    byDimensions(tx, tx`i.due_date`, tx`sum(i.open_minor)::bigint as amount`, tx`sum(i.open_minor) <> 0`),
    tx`select currency, due_date as date, all_owners, sales_owner_id, segment, jurisdiction, sum(delta_minor)::bigint as amount
       from kpi_ar_movements group by 1, 2, 3, 4, 5, 6 having sum(delta_minor) <> 0`,
    false,
  );
  return [...open, ...sales, ...movements].map((r) => ({ ...r, salesOwnerId: r.salesOwnerId ?? null }));
};

/** Waits for the tenant's writers in flight and holds new ones until the transaction ends. */
export const lockKpiRollups = async (tx: TenantTx, orgId: string): Promise<void> => {
  await tx`select pg_advisory_xact_lock(kpi_lock_key(${orgId}::uuid))`;
};

/**
 * Repairs the given drift in the caller's transaction (which holds `lockKpiRollups`): open and sales rows are set to
 * the recomputed figures, and zero rows are dropped; a movement drift is corrected by a movement dated `today`.
 */
export const repairKpiRollups = async (tx: TenantTx, orgId: string, drift: KpiRollupDrift[], today: string): Promise<void> => {
  const pick = (rollup: KpiRollupDrift["rollup"]) => drift.filter((d) => d.rollup === rollup);
  const cols = (rows: KpiRollupDrift[]) => ({
    currency: rows.map((r) => r.currency),
    date: rows.map((r) => r.date),
    allOwners: rows.map((r) => String(r.allOwners)),
    owner: rows.map((r) => r.salesOwnerId),
    segment: rows.map((r) => r.segment),
    jurisdiction: rows.map((r) => r.jurisdiction),
    amount: rows.map((r) => String(r.expectedMinor - (r.rollup === "movements" ? r.actualMinor : 0))),
    count: rows.map((r) => String(r.expectedCount ?? 0)),
  });
  const open = cols(pick("open"));
  if (open.currency.length > 0) {
    await tx`
      insert into kpi_open_rollup as r (org_id, currency, due_date, all_owners, sales_owner_id, segment, jurisdiction, open_minor, open_count)
      select ${orgId}::uuid, * from unnest(${open.currency}::text[], ${open.date}::date[], ${open.allOwners}::bool[], ${open.owner}::uuid[], ${open.segment}::text[],
                                         ${open.jurisdiction}::text[], ${open.amount}::bigint[], ${open.count}::bigint[])
      on conflict on constraint kpi_open_rollup_key do update set open_minor = excluded.open_minor, open_count = excluded.open_count`;
  }
  const sales = cols(pick("sales"));
  if (sales.currency.length > 0) {
    await tx`
      insert into kpi_sales_rollup as r (org_id, currency, issue_date, all_owners, sales_owner_id, segment, jurisdiction, sales_minor, invoice_count)
      select ${orgId}::uuid, * from unnest(${sales.currency}::text[], ${sales.date}::date[], ${sales.allOwners}::bool[], ${sales.owner}::uuid[], ${sales.segment}::text[],
                                         ${sales.jurisdiction}::text[], ${sales.amount}::bigint[], ${sales.count}::bigint[])
      on conflict on constraint kpi_sales_rollup_key do update set sales_minor = excluded.sales_minor, invoice_count = excluded.invoice_count`;
  }
  const moves = cols(pick("movements"));
  if (moves.currency.length > 0) {
    await tx`
      insert into kpi_ar_movements as r (org_id, currency, day, due_date, all_owners, sales_owner_id, segment, jurisdiction, delta_minor)
      select ${orgId}::uuid, m.currency, ${today}::date, m.due_date, m.all_owners, m.owner, m.segment, m.jurisdiction, m.amount
      from unnest(${moves.currency}::text[], ${moves.date}::date[], ${moves.allOwners}::bool[], ${moves.owner}::uuid[], ${moves.segment}::text[],
                  ${moves.jurisdiction}::text[], ${moves.amount}::bigint[]) as m (currency, due_date, all_owners, owner, segment, jurisdiction, amount)
      on conflict on constraint kpi_ar_movements_key do update set delta_minor = r.delta_minor + excluded.delta_minor`;
  }
  await tx`delete from kpi_open_rollup where open_minor = 0 and open_count = 0`;
  await tx`delete from kpi_sales_rollup where sales_minor = 0 and invoice_count = 0`;
};
