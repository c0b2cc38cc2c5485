import type { TenantTx } from "../database.ts";

export interface WorklistRow {
  kind: "action" | "case";
  /** The action's id, or the case's id for a case whose next action date has come. */
  id: string;
  caseId: string;
  debtorId: string;
  debtorName: string;
  stage: string;
  channel: "email" | "letter" | "sms" | "call" | null;
  level: number | null;
  plannedFor: string | null;
  invoiceCount: number;
  amountAtRiskMinor: number;
  currency: string | null;
  oldestDueDate: string | null;
  promisePending: boolean;
}

export interface WorklistScope {
  today: string;
  /** Only cases assigned to this user. */
  assigneeId: string | null;
  /** Only debtors owned by this sales rep. */
  salesOwnerId: string | null;
}

/**
 * "My day": planned actions due and not snoozed past today (their disputed invoices left out, and left out whole
 * when all are disputed), and open cases whose next action date has come (when no
 * action of theirs is due), by amount at risk (the open amounts of their invoices, now) then the oldest due date.
 */
export const listWorklist = (tx: TenantTx, s: WorklistScope): Promise<WorklistRow[]> =>
  tx<WorklistRow[]>`
    with scoped_cases as (
      select c.id, c.debtor_id, c.stage, d.name as debtor_name,
             exists (select 1 from promises p where p.case_id = c.id and p.status = 'pending') as promise_pending
      from cases c join debtors d on d.id = c.debtor_id
      where c.status = 'open'
        and (${s.assigneeId}::uuid is null or c.assignee_id = ${s.assigneeId}::uuid)
        and (${s.salesOwnerId}::uuid is null or d.sales_owner_id = ${s.salesOwnerId}::uuid)
    ),
    due_actions as (
      select 'action'::text as kind, a.id, sc.id as case_id, sc.debtor_id, sc.debtor_name, sc.stage, a.channel, a.level,
             a.planned_for, sc.promise_pending,
             count(i.id)::int as invoice_count, coalesce(sum(i.open_minor), 0)::bigint as amount, min(i.currency) as currency,
             min(i.due_date) as oldest_due
      from dunning_actions a
      join scoped_cases sc on sc.id = a.case_id
      left join dunning_action_invoices ai on ai.action_id = a.id
      left join invoices i on i.id = ai.invoice_id and i.open_minor > 0
        and not exists (select 1 from dispute_invoices di where di.invoice_id = i.id and di.active)
      where a.status = 'planned' and a.planned_for <= ${s.today}::date
        and (a.snoozed_until is null or a.snoozed_until <= ${s.today}::date)
        -- a reminder over disputed invoices only is held, as the sender holds it: nothing to do about it today
        and not (exists (select 1 from dunning_action_invoices x where x.action_id = a.id)
                 and not exists (select 1 from dunning_action_invoices x where x.action_id = a.id
                                 and not exists (select 1 from dispute_invoices di where di.invoice_id = x.invoice_id and di.active)))
      group by a.id, sc.id, sc.debtor_id, sc.debtor_name, sc.stage, sc.promise_pending
    ),
    due_cases as (
      select 'case'::text as kind, sc.id, sc.id as case_id, sc.debtor_id, sc.debtor_name, sc.stage, null::text as channel,
             null::int as level, c.next_action_date as planned_for, sc.promise_pending,
             count(i.id)::int as invoice_count, coalesce(sum(i.open_minor), 0)::bigint as amount, min(i.currency) as currency,
             min(i.due_date) as oldest_due
      from scoped_cases sc
      join cases c on c.id = sc.id
      left join invoices i on i.debtor_id = sc.debtor_id and i.kind = 'invoice' and i.open_minor > 0
        and not exists (select 1 from dispute_invoices di where di.invoice_id = i.id and di.active)
      where c.next_action_date <= ${s.today}::date and not exists (select 1 from due_actions da where da.case_id = sc.id)
      group by sc.id, sc.debtor_id, sc.debtor_name, sc.stage, sc.promise_pending, c.next_action_date
      -- a case whose open invoices are all disputed waits on its disputes, not on a reminder
      having count(i.id) > 0 or not exists (
        select 1 from invoices j join dispute_invoices di on di.invoice_id = j.id and di.active
        where j.debtor_id = sc.debtor_id and j.open_minor > 0)
    )
    select kind, id, case_id as "caseId", debtor_id as "debtorId", debtor_name as "debtorName", stage, channel, level,
           planned_for as "plannedFor", invoice_count as "invoiceCount", amount as "amountAtRiskMinor", currency,
           oldest_due as "oldestDueDate", promise_pending as "promisePending"
    from (select * from due_actions union all select * from due_cases) t
    order by amount desc, oldest_due asc nulls last, id`;

export interface ActionRow {
  id: string;
  caseId: string;
  debtorId: string;
  channel: "email" | "letter" | "sms" | "call";
  level: number;
  status: string;
  plannedFor: string;
  snoozedUntil: string | null;
  salesOwnerId: string | null;
}

/** The actions, locked, in id order (so that two bulk changes never wait on each other in a cycle). */
export const findActionsForUpdate = async (tx: TenantTx, ids: string[]): Promise<ActionRow[]> => {
  await tx`select 1 from dunning_actions where id = any(${ids}::uuid[]) order by id for update`;
  return tx<ActionRow[]>`
    select a.id, a.case_id as "caseId", a.debtor_id as "debtorId", a.channel, a.level, a.status, a.planned_for as "plannedFor",
           a.snoozed_until as "snoozedUntil", d.sales_owner_id as "salesOwnerId"
    from dunning_actions a join cases c on c.id = a.case_id join debtors d on d.id = c.debtor_id
    where a.id = any(${ids}::uuid[]) order by a.id`;
};

export const snoozeActionsUntil = async (tx: TenantTx, ids: string[], until: string): Promise<number> => {
  const rows = await tx`update dunning_actions set snoozed_until = ${until} where id = any(${ids}::uuid[]) and status = 'planned' returning id`;
  return rows.length;
};

/** Closes a planned action by hand (done or skipped) with what happened. */
export const closeActionManually = async (
  tx: TenantTx,
  id: string,
  status: "done" | "skipped",
  outcome: Record<string, unknown>,
): Promise<boolean> => {
  const rows = await tx`
    update dunning_actions set status = ${status}, outcome = ${tx.json(outcome as never)} where id = ${id} and status = 'planned' returning id`;
  return rows.length > 0;
};
