import type { TenantTx } from "../database.ts";
import { DUE_ROW_COLUMNS, DUNNING_CANDIDATES_CTES } from "./dunning-candidates-sql.ts";

/**
 * Serializes dunning planning per tenant: two nodes (or two runs) planning one org at once queue behind each other
 * for the rest of the transaction.
 */
export const lockDunningPlanning = async (tx: TenantTx, orgId: string): Promise<void> => {
  await tx`select pg_advisory_xact_lock(hashtext('relance.dunning.plan'), hashtext(${orgId}))`;
  // The planning statements read a whole tenant's open book: hash joins, whatever the (often stale) row estimates of
  // cases opened in this very transaction say; a nested loop there costs minutes at a million invoices.
  await tx`select set_config('enable_nestloop', 'off', true)`;
  // Disabling nested loops prices the (tiny) policy-step loop at "disabled", which would send every statement through
  // JIT compilation with inlining and optimization: seconds spent compiling for a plan made of hash joins.
  await tx`select set_config('jit', 'off', true)`;
  // hash joins and aggregates over the whole open book stay in memory instead of spilling in batches
  await tx`select set_config('work_mem', '128MB', true)`;
};

/** The policy segment of a debtor, in SQL (kept equal to `policySegmentOf` in the services). */
const SEGMENT_OF_DEBTOR = `case when d.jurisdiction = 'CH' then 'ch' when d.segment = 'b2c' then 'b2c_fr' else 'b2b_fr' end`;

/**
 * Opens a case, under the current version of its segment's policy, for every debtor with an open invoice for which
 * some step of that policy is due, and gives open cases without a version the current one. A case keeps its
 * version afterwards. Returns how many cases were opened.
 */
export const openMissingDunningCases = async (tx: TenantTx, orgId: string, asOf: string): Promise<number> => {
  await tx.unsafe(
    `update cases c set policy_version_id = cv.version_id, updated_at = now()
     from debtors d, (select distinct on (p.id) p.segment, v.id as version_id
                      from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id
                      order by p.id, v.version desc) cv
     where c.status = 'open' and c.policy_version_id is null and d.id = c.debtor_id and cv.segment = ${SEGMENT_OF_DEBTOR}`,
  );
  const result = await tx.unsafe(
    `with current_versions as (
       select distinct on (p.id) p.segment, v.id as version_id,
         (select min((s->>'offsetDays')::int) from jsonb_array_elements(v.steps) s) as first_offset
       from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id
       order by p.id, v.version desc
     )
     insert into cases (org_id, debtor_id, status, stage, policy_version_id)
     select $1::uuid, d.id, 'open', 'reminder_1', cv.version_id
     from debtors d join current_versions cv on cv.segment = ${SEGMENT_OF_DEBTOR}
     where not exists (select 1 from cases c where c.debtor_id = d.id and c.status = 'open')
       and exists (select 1 from invoices i where i.debtor_id = d.id and i.kind = 'invoice' and i.open_minor > 0
                   and i.due_date + cv.first_offset <= $2::date)
     on conflict (org_id, debtor_id) where status = 'open' do nothing`,
    [orgId, asOf],
  );
  return result.count;
};

/** One invoice's step to send: the highest due step of its case's policy version, above any step already recorded. */
export interface DueInvoiceStepRow {
  invoiceId: string;
  number: string;
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
  dueDate: string;
  openMinor: number;
  currency: "EUR" | "CHF";
}

export interface DueInvoiceSteps {
  due: DueInvoiceStepRow[];
  /** Invoices with a due step that were held back, by reason. */
  skipped: Record<string, number>;
}

/** Each open invoice's step to send, and the invoices held back by reason (see `DUNNING_CANDIDATES_CTES`). */
export const selectDueInvoiceSteps = async (tx: TenantTx, asOf: string): Promise<DueInvoiceSteps> => {
  const rows = await tx.unsafe<(DueInvoiceStepRow & { kind: "due" | "skip"; reason: string | null; count: number | null })[]>(
    `with ${DUNNING_CANDIDATES_CTES}
     select 'due' as kind, null as reason, null::bigint as count, ${DUE_ROW_COLUMNS}
     from candidates where reason is null
     union all
     select 'skip', reason, count(*), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null
     from candidates where reason is not null group by reason`,
    [asOf],
  );
  const due: DueInvoiceStepRow[] = [];
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

export interface NewDunningAction {
  id: string;
  orgId: string;
  caseId: string;
  debtorId: string;
  policyVersionId: string;
  stepIndex: number;
  level: number;
  channel: string;
  plannedFor: string;
}

export interface NewDunningActionInvoice {
  actionId: string;
  invoiceId: string;
  stepIndex: number;
  openMinor: number;
  interestMinor: number;
  indemnityMinor: number;
}

export const insertDunningActions = async (tx: TenantTx, actions: NewDunningAction[]): Promise<void> => {
  if (actions.length === 0) return;
  await tx`
    insert into dunning_actions (id, org_id, case_id, debtor_id, policy_version_id, step_index, level, channel, planned_for)
    select * from unnest(
      ${tx.array(actions.map((a) => a.id))}::uuid[], ${tx.array(actions.map((a) => a.orgId))}::uuid[],
      ${tx.array(actions.map((a) => a.caseId))}::uuid[], ${tx.array(actions.map((a) => a.debtorId))}::uuid[],
      ${tx.array(actions.map((a) => a.policyVersionId))}::uuid[], ${tx.array(actions.map((a) => a.stepIndex))}::int[],
      ${tx.array(actions.map((a) => a.level))}::int[], ${tx.array(actions.map((a) => a.channel))}::text[],
      ${tx.array(actions.map((a) => a.plannedFor))}::date[])`;
  await tx`
    update cases c set next_action_date = a.planned_for, updated_at = now()
    from unnest(${tx.array(actions.map((a) => a.caseId))}::uuid[], ${tx.array(actions.map((a) => a.plannedFor))}::date[]) as a(case_id, planned_for)
    where c.id = a.case_id`;
};

/**
 * Records the invoices of new actions. The primary key (invoice, step) is the exactly-once backstop: a row another
 * run already recorded is skipped, and the invoice ids actually recorded are returned when any was skipped.
 */
export const insertDunningActionInvoices = async (
  tx: TenantTx,
  orgId: string,
  rows: NewDunningActionInvoice[],
): Promise<{ inserted: number }> => {
  let inserted = 0;
  const CHUNK = 100_000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const result = await tx`
      insert into dunning_action_invoices (org_id, action_id, invoice_id, step_index, open_minor, interest_minor, indemnity_minor)
      select ${orgId}::uuid, * from unnest(
        ${tx.array(chunk.map((r) => r.actionId))}::uuid[], ${tx.array(chunk.map((r) => r.invoiceId))}::uuid[],
        ${tx.array(chunk.map((r) => r.stepIndex))}::int[], ${tx.array(chunk.map((r) => r.openMinor))}::bigint[],
        ${tx.array(chunk.map((r) => r.interestMinor))}::bigint[], ${tx.array(chunk.map((r) => r.indemnityMinor))}::bigint[])
      on conflict (org_id, invoice_id, step_index) do nothing`;
    inserted += result.count;
  }
  return { inserted };
};

/** After a conflict: drop the actions left without any invoice, and say which (action, invoice) pairs are ours. */
export const pruneEmptyDunningActions = async (tx: TenantTx, actionIds: string[]): Promise<Set<string>> => {
  await tx`delete from dunning_actions a where a.id = any(${tx.array(actionIds)}::uuid[])
           and not exists (select 1 from dunning_action_invoices x where x.action_id = a.id)`;
  const kept = await tx<{ key: string }[]>`
    select action_id || ':' || invoice_id as key from dunning_action_invoices where action_id = any(${tx.array(actionIds)}::uuid[])`;
  return new Set(kept.map((k) => k.key));
};
