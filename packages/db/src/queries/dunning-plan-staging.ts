import type { TenantTx } from "../database.ts";
import type { DueInvoiceStepRow, DueInvoiceSteps } from "./collection-planning.ts";
import { DUE_ROW_COLUMNS, DUNNING_CANDIDATES_CTES } from "./dunning-candidates-sql.ts";

/** A due row with its slot in the run's staging table: the index its penalties are passed back under. */
export interface StagedDueInvoiceStep extends DueInvoiceStepRow {
  slot: number;
}

export interface StagedDueInvoiceSteps extends DueInvoiceSteps {
  due: StagedDueInvoiceStep[];
}

/**
 * Selects each open invoice's due step (as `selectDueInvoiceSteps`) and keeps the due rows, numbered, in a temporary
 * table dropped at the end of the transaction, so that recording them sends back only what the caller adds (the
 * action of each debtor, penalties by slot) instead of a million invoice ids.
 */
export const stageDueInvoiceSteps = async (tx: TenantTx, asOf: string): Promise<StagedDueInvoiceSteps> => {
  await tx.unsafe(
    `create temporary table dunning_plan_due (
       slot bigint not null, invoice_id uuid not null, debtor_id uuid not null, step_index integer not null, open_minor bigint not null
     ) on commit drop`,
  );
  const rows = await tx.unsafe<(StagedDueInvoiceStep & { kind: "due" | "skip"; reason: string | null; count: number | null })[]>(
    `with ${DUNNING_CANDIDATES_CTES},
     numbered as materialized (select row_number() over () as slot, * from candidates),
     staged as (
       insert into dunning_plan_due (slot, invoice_id, debtor_id, step_index, open_minor)
       select slot, invoice_id, debtor_id, step_index, open_minor from numbered where reason is null
     )
     select 'due' as kind, null as reason, null::bigint as count, slot::int as slot, ${DUE_ROW_COLUMNS}
     from numbered where reason is null
     union all
     select 'skip', reason, count(*), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null
     from numbered where reason is not null group by reason`,
    [asOf],
  );
  // a fresh temporary table has no statistics: without them the recording statement sorts it to merge-join it
  await tx.unsafe("analyze dunning_plan_due");
  const due: StagedDueInvoiceStep[] = [];
  const skipped: Record<string, number> = {};
  for (const row of rows) {
    if (row.kind === "skip") skipped[row.reason!] = Number(row.count);
    else {
      const { kind: _kind, reason: _reason, count: _count, ...step } = row;
      due.push(step);
    }
  }
  return { due, skipped };
};

export interface StagedDunningLines {
  /** The action each debtor's staged invoices go to. */
  debtorIds: string[];
  actionIds: string[];
  /** Penalties by slot (index = slot − 1); empty when no action states penalties. */
  interestMinor: number[];
  indemnityMinor: number[];
}

/**
 * Records the staged invoices under their debtor's new action, in one statement. The primary key (invoice, step) is
 * the exactly-once backstop: a row another run already recorded is skipped, and `inserted` then falls short.
 * Inserted in key order, the primary key index is appended to rather than written at random pages.
 */
export const recordStagedDunningLines = async (tx: TenantTx, orgId: string, lines: StagedDunningLines): Promise<{ inserted: number }> => {
  const result = await tx`
    insert into dunning_action_invoices (org_id, action_id, invoice_id, step_index, open_minor, interest_minor, indemnity_minor)
    select ${orgId}::uuid, a.action_id, d.invoice_id, d.step_index, d.open_minor,
      coalesce((${tx.array(lines.interestMinor)}::bigint[])[d.slot], 0), coalesce((${tx.array(lines.indemnityMinor)}::bigint[])[d.slot], 0)
    from dunning_plan_due d
    join unnest(${tx.array(lines.debtorIds)}::uuid[], ${tx.array(lines.actionIds)}::uuid[]) as a (debtor_id, action_id) on a.debtor_id = d.debtor_id
    order by d.invoice_id, d.step_index
    on conflict (org_id, invoice_id, step_index) do nothing`;
  return { inserted: result.count };
};
