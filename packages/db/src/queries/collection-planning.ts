import { plainArrayLiteral } from "../array-literal.ts";
import type { TenantTx } from "../database.ts";
import { inPartition } from "./dunning-candidates-sql.ts";

/**
 * A share of a tenant's debtors, planned in its own transaction beside the others (each on its own connection):
 * debtor ids hashed into `count` parts, this one being `index`.
 */
export interface DunningPartition {
  index: number;
  count: number;
}

export const WHOLE_BOOK: DunningPartition = { index: 0, count: 1 };


/**
 * Serializes dunning planning per tenant and partition: two nodes (or two runs) planning the same debtors queue
 * behind each other for the rest of the transaction. Every partition of a run also holds the tenant's planning lock
 * in shared mode, so that what must wait for all of them (an invoice deleted on its own, see migration 0013) takes it
 * exclusively.
 */
export const lockDunningPlanning = async (tx: TenantTx, orgId: string, partition: DunningPartition): Promise<void> => {
  await tx`select pg_advisory_xact_lock_shared(hashtext('relance.dunning.plan'), hashtext(${orgId}))`;
  await tx`select pg_advisory_xact_lock(hashtext('relance.dunning.plan.part'), hashtext(${`${orgId}:${partition.index}/${partition.count}`}))`;
  // The planning statements read a whole tenant's open book: hash joins, whatever the (often stale) row estimates of
  // cases opened in this very transaction say; a nested loop there costs minutes at a million invoices.
  await tx`select set_config('enable_nestloop', 'off', true)`;
  // Disabling nested loops prices the (tiny) policy-step loop at "disabled", which would send every statement through
  // JIT compilation with inlining and optimization: seconds spent compiling for a plan made of hash joins.
  await tx`select set_config('jit', 'off', true)`;
  // hash joins and aggregates over the whole open book stay in memory instead of spilling in batches
  await tx`select set_config('work_mem', '256MB', true)`;
};

/** The policy segment of a debtor, in SQL (kept equal to `policySegmentOf` in the services). */
const SEGMENT_OF_DEBTOR = `case when d.jurisdiction = 'CH' then 'ch' when d.segment = 'b2c' then 'b2c_fr' else 'b2b_fr' end`;

/**
 * Opens a case, under the current version of its segment's policy, for every debtor with an open invoice for which
 * some step of that policy is due, and gives open cases without a version the current one. A case keeps its
 * version afterwards. A new case's next action is the as-of date, as the planner will usually set it (a case opened
 * in this transaction would otherwise be written twice, its keys checked again each time); `clearUnplannedNextActions`
 * takes it back from those left without an action. Returns the ids of the cases opened.
 */
export const openMissingDunningCases = async (tx: TenantTx, orgId: string, asOf: string, partition: DunningPartition): Promise<string[]> => {
  await tx.unsafe(
    `update cases c set policy_version_id = cv.version_id, updated_at = now()
     from debtors d, (select distinct on (p.id) p.segment, v.id as version_id
                      from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id
                      order by p.id, v.version desc) cv
     where c.status = 'open' and c.policy_version_id is null and d.id = c.debtor_id and cv.segment = ${SEGMENT_OF_DEBTOR}
       and ${inPartition("d.id", "$1", "$2")}`,
    [partition.index, partition.count],
  );
  const opened = await tx.unsafe<{ id: string }[]>(
    `with current_versions as (
       select distinct on (p.id) p.segment, v.id as version_id,
         (select min((s->>'offsetDays')::int) from jsonb_array_elements(v.steps) s) as first_offset
       from dunning_policies p join dunning_policy_versions v on v.policy_id = p.id
       order by p.id, v.version desc
     ),
     -- a step is due on some open invoice of the debtor when it is due on the oldest one
     oldest_due as (
       select debtor_id, min(due_date) as due_date from invoices where kind = 'invoice' and open_minor > 0 group by debtor_id
     )
     insert into cases (org_id, debtor_id, status, stage, policy_version_id, next_action_date)
     select $1::uuid, d.id, 'open', 'reminder_1', cv.version_id, $2::date
     from debtors d join current_versions cv on cv.segment = ${SEGMENT_OF_DEBTOR}
     join oldest_due o on o.debtor_id = d.id and o.due_date + cv.first_offset <= $2::date
     where ${inPartition("d.id", "$3", "$4")}
       and not exists (select 1 from cases c where c.debtor_id = d.id and c.status = 'open')
     on conflict (org_id, debtor_id) where status = 'open' do nothing
     returning id`,
    [orgId, asOf, partition.index, partition.count],
  );
  return opened.map((c) => c.id);
};

/** Cases opened by this run (`openMissingDunningCases`) for which it planned nothing have no next action yet. */
export const clearUnplannedNextActions = async (tx: TenantTx, openedCaseIds: string[], asOf: string): Promise<void> => {
  if (openedCaseIds.length === 0) return;
  await tx`
    update cases c set next_action_date = null
    from unnest(${plainArrayLiteral(openedCaseIds)}::uuid[]) as o (id)
    where c.id = o.id
      and not exists (select 1 from dunning_actions a where a.case_id = c.id and a.planned_for = ${asOf}::date)`;
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

/** Lists go in through `unnest` in FROM clauses: evaluated once, whatever plan the server caches for the statement. */
export const insertDunningActions = async (tx: TenantTx, actions: NewDunningAction[]): Promise<void> => {
  if (actions.length === 0) return;
  await tx`
    insert into dunning_actions (id, org_id, case_id, debtor_id, policy_version_id, step_index, level, channel, planned_for)
    select * from unnest(
      ${plainArrayLiteral(actions.map((a) => a.id))}::uuid[], ${plainArrayLiteral(actions.map((a) => a.orgId))}::uuid[],
      ${plainArrayLiteral(actions.map((a) => a.caseId))}::uuid[], ${plainArrayLiteral(actions.map((a) => a.debtorId))}::uuid[],
      ${plainArrayLiteral(actions.map((a) => a.policyVersionId))}::uuid[], ${plainArrayLiteral(actions.map((a) => a.stepIndex))}::int[],
      ${plainArrayLiteral(actions.map((a) => a.level))}::int[], ${plainArrayLiteral(actions.map((a) => a.channel))}::text[],
      ${plainArrayLiteral(actions.map((a) => a.plannedFor))}::date[])`;
  await tx`
    update cases c set next_action_date = a.planned_for, updated_at = now()
    from unnest(${plainArrayLiteral(actions.map((a) => a.caseId))}::uuid[], ${plainArrayLiteral(actions.map((a) => a.plannedFor))}::date[]) as a(case_id, planned_for)
    where c.id = a.case_id and c.next_action_date is distinct from a.planned_for`;
};

/** After a conflict: drop the actions left without any invoice, and say which (action, invoice) pairs are ours. */
export const pruneEmptyDunningActions = async (tx: TenantTx, actionIds: string[]): Promise<Set<string>> => {
  await tx`delete from dunning_actions a using unnest(${plainArrayLiteral(actionIds)}::uuid[]) as ours (id)
           where a.id = ours.id and not exists (select 1 from dunning_action_invoices x where x.action_id = a.id)`;
  const kept = await tx<{ key: string }[]>`
    select x.action_id || ':' || x.invoice_id as key
    from dunning_action_invoices x join unnest(${plainArrayLiteral(actionIds)}::uuid[]) as ours (id) on ours.id = x.action_id`;
  return new Set(kept.map((k) => k.key));
};
