import type { TenantTx } from "../database.ts";
import { contactReachOf } from "./debtor-contacts.ts";

export interface SendSettingsRow {
  orgName: string;
  country: "FR" | "CH";
  timeZone: string;
  quietHoursStart: string;
  quietHoursEnd: string;
  sendOnSaturdays: boolean;
  sendOnSundays: boolean;
}

/** The tenant's name and send window (row-level security leaves one organization visible). */
export const findSendSettings = async (tx: TenantTx): Promise<SendSettingsRow> => {
  const [row] = await tx<SendSettingsRow[]>`
    select name as "orgName", country, time_zone as "timeZone", to_char(quiet_hours_start, 'HH24:MI') as "quietHoursStart",
      to_char(quiet_hours_end, 'HH24:MI') as "quietHoursEnd", send_on_saturdays as "sendOnSaturdays", send_on_sundays as "sendOnSundays"
    from organizations`;
  return row!;
};

export interface ClaimedActionRow {
  id: string;
  caseId: string;
  debtorId: string;
  policyVersionId: string;
  stepIndex: number;
  level: number;
  channel: "email" | "letter" | "sms";
  plannedFor: string;
  debtorName: string;
  debtorEmail: string | null;
  debtorPhone: string | null;
  debtorLanguage: string;
  debtorExternalId: string;
  jurisdiction: "FR" | "CH";
  segment: "b2b" | "b2c";
  addressLines: string[];
  debtorCountry: string;
  debtorPostalCode: string | null;
  debtorCity: string | null;
}

/** What a message about an action needs: the action, and the debtor it goes to (from dunning_actions a, debtors d). */
const actionMessageColumns = (tx: TenantTx) => tx`
      a.id, a.case_id as "caseId", a.debtor_id as "debtorId", a.policy_version_id as "policyVersionId",
      a.step_index as "stepIndex", a.level, a.channel, a.planned_for as "plannedFor",
      d.name as "debtorName", coalesce(d.email, ${contactReachOf(tx, "d", "email")}) as "debtorEmail",
      coalesce(d.phone, ${contactReachOf(tx, "d", "phone")}) as "debtorPhone",
      d.language as "debtorLanguage", d.external_id as "debtorExternalId", d.jurisdiction, d.segment,
      array_remove(array[d.address_line1, d.address_line2, nullif(trim(coalesce(d.postal_code, '') || ' ' || coalesce(d.city, '')), '')], null) as "addressLines",
      d.country as "debtorCountry", d.postal_code as "debtorPostalCode", d.city as "debtorCity"`;

/**
 * Whether the action `a` demands only invoices under an unresolved dispute: it is held (left planned) until a
 * dispute is resolved, as the planner holds the invoices themselves.
 */
const coversOnlyDisputedInvoices = (tx: TenantTx) => tx`
  exists (select 1 from dunning_action_invoices x where x.action_id = a.id
          having count(*) > 0 and bool_and(exists (select 1 from dispute_invoices di where di.invoice_id = x.invoice_id and di.active)))`;

/**
 * Claims the next sendable action: locked for this transaction, skipped by every other claimer until it commits,
 * so the status change and the outbox row land together and no two nodes send one action.
 */
export const claimNextDueAction = async (tx: TenantTx, today: string): Promise<ClaimedActionRow | undefined> => {
  const [row] = await tx<ClaimedActionRow[]>`
    with claimed as (
      select a.id from dunning_actions a
      where a.status = 'planned' and a.planned_for <= ${today}::date and a.channel <> 'call'
        and (a.snoozed_until is null or a.snoozed_until <= ${today}::date)
        and not ${coversOnlyDisputedInvoices(tx)}
      order by a.planned_for, a.id
      limit 1
      for update skip locked
    )
    select ${actionMessageColumns(tx)}
    from claimed join dunning_actions a on a.id = claimed.id join debtors d on d.id = a.debtor_id`;
  return row;
};

/**
 * Claims one planned action by id for sending now, whatever its date: locked like the engine's claim, so a send in
 * progress elsewhere (engine or another click) makes this one find nothing rather than send twice.
 */
export const claimPlannedAction = async (tx: TenantTx, actionId: string): Promise<ClaimedActionRow | undefined> => {
  const [row] = await tx<ClaimedActionRow[]>`
    with claimed as (
      select a.id from dunning_actions a where a.id = ${actionId} and a.status = 'planned' and a.channel <> 'call'
        and not ${coversOnlyDisputedInvoices(tx)}
      for update skip locked
    )
    select ${actionMessageColumns(tx)}
    from claimed join dunning_actions a on a.id = claimed.id join debtors d on d.id = a.debtor_id`;
  return row;
};

/** An action and its debtor, as a message would be built from it, without claiming it (previews); calls have none. */
export const findActionForMessage = async (tx: TenantTx, actionId: string): Promise<(ClaimedActionRow & { status: string }) | undefined> => {
  const [row] = await tx<(ClaimedActionRow & { status: string })[]>`
    select ${actionMessageColumns(tx)}, a.status
    from dunning_actions a join debtors d on d.id = a.debtor_id where a.id = ${actionId} and a.channel <> 'call'`;
  return row;
};

export interface ActionInvoiceRow {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  currency: "EUR" | "CHF";
  interestMinor: number;
  indemnityMinor: number;
  paymentReference: string | null;
}

export const listActionInvoices = async (tx: TenantTx, actionId: string): Promise<ActionInvoiceRow[]> =>
  tx<ActionInvoiceRow[]>`
    select i.id as "invoiceId", i.number, i.issue_date as "issueDate", i.due_date as "dueDate", i.amount_minor as "amountMinor",
      x.open_minor as "openMinor", i.currency, x.interest_minor as "interestMinor", x.indemnity_minor as "indemnityMinor",
      i.payment_reference as "paymentReference"
    from dunning_action_invoices x join invoices i on i.id = x.invoice_id
    where x.action_id = ${actionId}
      -- a reminder never demands an invoice under an unresolved dispute
      and not exists (select 1 from dispute_invoices di where di.invoice_id = x.invoice_id and di.active)
    order by i.due_date, i.number`;

export const countDueActions = async (tx: TenantTx, today: string): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from dunning_actions where status = 'planned' and planned_for <= ${today}::date and channel <> 'call'`;
  return row!.n;
};

export const insertOutboxMessage = async (
  tx: TenantTx,
  m: { orgId: string; actionId: string | null; caseId: string; channel: "email" | "sms" | "letter"; recipient: string; subject: string | null; body: string;
    messageId: string | null; status: "sent" | "recorded" | "failed"; error: string | null },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into outbox_messages (org_id, action_id, case_id, channel, recipient, subject, body, message_id, status, error, sent_at)
    values (${m.orgId}, ${m.actionId}, ${m.caseId}, ${m.channel}, ${m.recipient}, ${m.subject}, ${m.body}, ${m.messageId}, ${m.status}, ${m.error},
      case when ${m.status} in ('sent', 'recorded') then now() end)
    returning id`;
  return row!.id;
};

export const insertGeneratedDocument = async (
  tx: TenantTx,
  d: { orgId: string; caseId: string; actionId: string; kind: "letter" | "formal_notice"; fileName: string; content: Buffer },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into generated_documents (org_id, case_id, action_id, kind, file_name, content)
    values (${d.orgId}, ${d.caseId}, ${d.actionId}, ${d.kind}, ${d.fileName}, ${d.content}) returning id`;
  return row!.id;
};

export const markActionOutcome = async (tx: TenantTx, actionId: string, status: "sent" | "failed", outcome: Record<string, unknown>): Promise<void> => {
  await tx`update dunning_actions set status = ${status}, sent_at = case when ${status} = 'sent' then now() end, outcome = ${tx.json(outcome as never)}
           where id = ${actionId}`;
};

export const insertTimelineEvent = async (
  tx: TenantTx,
  e: { orgId: string; debtorId: string; caseId: string | null; kind: string; payload: Record<string, unknown>; actorId: string | null },
): Promise<void> => {
  await tx`insert into timeline_events (org_id, debtor_id, case_id, kind, payload, actor_id)
           values (${e.orgId}, ${e.debtorId}, ${e.caseId}, ${e.kind}, ${tx.json(e.payload as never)}, ${e.actorId})`;
};
