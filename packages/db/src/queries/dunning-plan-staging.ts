import { plainArrayLiteral } from "../array-literal.ts";
import type { TenantTx } from "../database.ts";
import type { DunningPartition } from "./collection-planning.ts";
import { DUNNING_CANDIDATES_CTES } from "./dunning-candidates-sql.ts";

/** One due invoice of a debtor: its slot in the run's staging table (the index its penalties go back under). */
export interface DueInvoice {
  slot: number;
  invoiceId: string;
  number: string;
  dueDate: string;
  openMinor: number;
  currency: "EUR" | "CHF";
  /** The invoice's own due step (the debtor's reminder states the lead step). */
  stepIndex: number;
}

/**
 * A debtor with invoices to remind, and the step that leads the consolidated reminder: the highest level among its
 * invoices' steps, then the latest step.
 */
export interface DueDebtor {
  debtorId: string;
  debtorName: string;
  jurisdiction: "FR" | "CH";
  segment: "b2b" | "b2c";
  caseId: string;
  policyVersionId: string;
  stepIndex: number;
  level: number;
  channel: "email" | "letter" | "sms" | "call";
  addPenalties: boolean;
  /** By due date, then number. */
  invoices: DueInvoice[];
}

export interface DueDebtors {
  debtors: DueDebtor[];
  /** Invoices with a due step that were held back, by reason. */
  skipped: Record<string, number>;
}

const byDueDateThenNumber = (a: DueInvoice, b: DueInvoice) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

type InvoiceTuple = [slot: number, invoiceId: string, number: string, dueDate: string, openMinor: number, currency: "EUR" | "CHF", stepIndex: number];
type DueDebtorRow = Omit<DueDebtor, "invoices"> & { kind: "due" | "skip"; reason: string | null; count: number | null; invoices: InvoiceTuple[] | null };

/**
 * Selects each open invoice's due step (`DUNNING_CANDIDATES_CTES`) among the partition's debtors, keeps the due ones,
 * numbered, in a temporary table dropped at the end of the transaction, and answers them grouped by debtor with the
 * lead step already chosen: one row per debtor, its invoices as one JSON array (sorted here: an ordered aggregate
 * would sort the whole book twice), rather than a row of sixteen columns per invoice. Recording them later sends
 * back only what the caller adds (each debtor's action, penalties by slot).
 */
export const stageDueDebtors = async (tx: TenantTx, asOf: string, partition: DunningPartition): Promise<DueDebtors> => {
  await tx.unsafe(
    `create temporary table dunning_plan_due (
       slot bigint not null, invoice_id uuid not null, debtor_id uuid not null, step_index integer not null, open_minor bigint not null
     ) on commit drop`,
  );
  const rows = await tx.unsafe<DueDebtorRow[]>(
    `with ${DUNNING_CANDIDATES_CTES},
     numbered as materialized (select row_number() over () as slot, * from candidates),
     staged as (
       insert into dunning_plan_due (slot, invoice_id, debtor_id, step_index, open_minor)
       select slot, invoice_id, debtor_id, step_index, open_minor from numbered where reason is null
     ),
     by_debtor as (
       select debtor_id, max(array[level, step_index]) as lead,
         json_agg(json_build_array(slot, invoice_id, number, due_date, open_minor, currency, step_index)) as invoices
       from numbered where reason is null group by debtor_id
     )
     select 'due' as kind, null as reason, null::bigint as count, b.debtor_id as "debtorId", d.name as "debtorName", d.jurisdiction,
       d.segment, c.id as "caseId", c.policy_version_id as "policyVersionId", st.step_index as "stepIndex", st.level, st.channel,
       st.add_penalties as "addPenalties", b.invoices
     from by_debtor b
     join debtors d on d.id = b.debtor_id
     join cases c on c.debtor_id = b.debtor_id and c.status = 'open'
     join steps st on st.version_id = c.policy_version_id and st.step_index = b.lead[2]
     union all
     select 'skip', reason, count(*), null, null, null, null, null, null, null, null, null, null, null
     from numbered where reason is not null group by reason`,
    [asOf, partition.index, partition.count],
  );
  // a fresh temporary table has no statistics: without them the recording statement sorts it to merge-join it
  await tx.unsafe("analyze dunning_plan_due");
  const debtors: DueDebtor[] = [];
  const skipped: Record<string, number> = {};
  for (const { kind, reason, count, invoices, ...debtor } of rows) {
    if (kind === "skip") skipped[reason!] = Number(count);
    else {
      debtors.push({
        ...debtor,
        invoices: invoices!
          .map(([slot, invoiceId, number, dueDate, openMinor, currency, stepIndex]) => ({ slot, invoiceId, number, dueDate, openMinor, currency, stepIndex }))
          .sort(byDueDateThenNumber),
      });
    }
  }
  return { debtors, skipped };
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
 * Inserted in key order, the primary key index is appended to rather than written at random pages. Every list is cast
 * once, in the FROM clause or a materialized CTE: a cast of a parameter in the select list would be evaluated again
 * for every row once the server caches a generic plan for the statement.
 */
export const recordStagedDunningLines = async (tx: TenantTx, orgId: string, lines: StagedDunningLines): Promise<{ inserted: number }> => {
  const result = await tx`
    with penalties as materialized (
      select ${plainArrayLiteral(lines.interestMinor)}::bigint[] as interest, ${plainArrayLiteral(lines.indemnityMinor)}::bigint[] as indemnity
    )
    insert into dunning_action_invoices (org_id, action_id, invoice_id, step_index, open_minor, interest_minor, indemnity_minor)
    select ${orgId}::uuid, a.action_id, d.invoice_id, d.step_index, d.open_minor, coalesce(p.interest[d.slot], 0), coalesce(p.indemnity[d.slot], 0)
    from dunning_plan_due d
    join unnest(${plainArrayLiteral(lines.debtorIds)}::uuid[], ${plainArrayLiteral(lines.actionIds)}::uuid[]) as a (debtor_id, action_id) on a.debtor_id = d.debtor_id
    cross join penalties p
    order by d.invoice_id, d.step_index
    on conflict (invoice_id, step_index) do nothing`;
  return { inserted: result.count };
};
