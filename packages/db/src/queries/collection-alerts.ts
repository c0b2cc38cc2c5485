import type { TenantTx } from "../database.ts";

/** Who an alert about a case goes to: the case's assignee, or (no assignee) the collectors. */
interface AlertSubject {
  caseId: string | null;
  debtorId: string;
  debtorName: string;
  assigneeId: string | null;
}

export interface OverdueGroupRow extends AlertSubject {
  dueDate: string;
  currency: string;
  openMinor: number;
  invoices: string[];
}

/** Open invoices whose due date passed in [from, asOf), by debtor, due date and currency. */
export const selectNewlyOverdue = (tx: TenantTx, from: string, asOf: string): Promise<OverdueGroupRow[]> =>
  tx<OverdueGroupRow[]>`
    select d.id as "debtorId", d.name as "debtorName", c.id as "caseId", c.assignee_id as "assigneeId", i.due_date as "dueDate", i.currency,
      sum(i.open_minor)::bigint as "openMinor", array_agg(i.number order by i.number) as invoices
    from invoices i join debtors d on d.id = i.debtor_id
    left join cases c on c.debtor_id = d.id and c.status = 'open'
    where i.kind = 'invoice' and i.open_minor > 0 and i.due_date >= ${from}::date and i.due_date < ${asOf}::date
    group by d.id, d.name, c.id, c.assignee_id, i.due_date, i.currency`;

export interface DueActionAlertRow extends AlertSubject {
  actionId: string;
  channel: string;
  level: number;
  plannedFor: string;
}

/** Calls due (a person's task), and any other planned action the engine has left behind a day or more. */
export const selectDueActionsForAlerts = (tx: TenantTx, asOf: string): Promise<DueActionAlertRow[]> =>
  tx<DueActionAlertRow[]>`
    select a.id as "actionId", a.channel, a.level, a.planned_for as "plannedFor", c.id as "caseId", d.id as "debtorId", d.name as "debtorName",
      c.assignee_id as "assigneeId"
    from dunning_actions a join cases c on c.id = a.case_id join debtors d on d.id = a.debtor_id
    where a.status = 'planned' and (a.snoozed_until is null or a.snoozed_until <= ${asOf}::date)
      and ((a.channel = 'call' and a.planned_for <= ${asOf}::date) or a.planned_for < ${asOf}::date)`;

export interface PromiseAlertRow extends AlertSubject {
  promiseId: string;
  status: "pending" | "broken";
  promisedFor: string;
  amountMinor: number;
  currency: string;
}

/** Pending promises whose day has come, and promises found broken since `brokenSince`. */
export const selectPromisesForAlerts = (tx: TenantTx, asOf: string, brokenSince: Date): Promise<PromiseAlertRow[]> =>
  tx<PromiseAlertRow[]>`
    select p.id as "promiseId", p.status, p.promised_for as "promisedFor", p.amount_minor as "amountMinor", p.currency,
      c.id as "caseId", d.id as "debtorId", d.name as "debtorName", c.assignee_id as "assigneeId"
    from promises p join cases c on c.id = p.case_id join debtors d on d.id = p.debtor_id
    where (p.status = 'pending' and p.promised_for <= ${asOf}::date) or (p.status = 'broken' and p.resolved_at >= ${brokenSince})`;

export interface PrescriptionCandidateRow extends AlertSubject {
  invoiceId: string;
  number: string;
  dueDate: string;
  jurisdiction: "FR" | "CH";
  segment: "b2b" | "b2c";
  openMinor: number;
  currency: string;
  /** Booking dates of the payments allocated to the invoice (not reversed). */
  paymentDates: string[];
  /** Days the debtor acknowledged the debt: promises to pay recorded on its cases. */
  acknowledgmentDates: string[];
  /** Court claims and enforcement acts on its cases (injonction issued, payment order issued). */
  courtDates: string[];
}

/** Open invoices due on or before `cutoff`, with what interrupts their limitation period. */
export const selectPrescriptionCandidates = (tx: TenantTx, cutoff: string): Promise<PrescriptionCandidateRow[]> =>
  tx<PrescriptionCandidateRow[]>`
    select i.id as "invoiceId", i.number, i.due_date as "dueDate", d.jurisdiction, d.segment, i.open_minor as "openMinor", i.currency,
      d.id as "debtorId", d.name as "debtorName", c.id as "caseId", c.assignee_id as "assigneeId",
      coalesce((select array_agg(to_char(p.booking_date, 'YYYY-MM-DD')) from payment_allocations a join payments p on p.id = a.payment_id
        where a.invoice_id = i.id and a.reversed_at is null), '{}') as "paymentDates",
      coalesce((select array_agg(to_char(pr.created_at at time zone 'UTC', 'YYYY-MM-DD')) from promises pr where pr.debtor_id = d.id), '{}') as "acknowledgmentDates",
      coalesce((select array_agg(to_char(lp.issued_on, 'YYYY-MM-DD')) from legal_proceedings lp join cases lc on lc.id = lp.case_id
        where lc.debtor_id = d.id), '{}') as "courtDates"
    from invoices i join debtors d on d.id = i.debtor_id
    left join cases c on c.debtor_id = d.id and c.status = 'open'
    where i.kind = 'invoice' and i.open_minor > 0 and i.due_date <= ${cutoff}::date`;

export interface ProceedingRow extends AlertSubject {
  proceedingId: string;
  kind: "fr_injonction" | "ch_payment_order";
  issuedOn: string;
  servedOn: string | null;
  mainleveeDays: number;
  reference: string | null;
}

export const selectOpenCaseProceedings = (tx: TenantTx): Promise<ProceedingRow[]> =>
  tx<ProceedingRow[]>`
    select lp.id as "proceedingId", lp.kind, lp.issued_on as "issuedOn", lp.served_on as "servedOn", lp.mainlevee_days as "mainleveeDays",
      lp.reference, c.id as "caseId", d.id as "debtorId", d.name as "debtorName", c.assignee_id as "assigneeId"
    from legal_proceedings lp join cases c on c.id = lp.case_id join debtors d on d.id = c.debtor_id
    where c.status = 'open'`;

/** The members who receive alerts of unassigned cases: admins and credit managers. */
export const listCollectorIds = async (tx: TenantTx): Promise<string[]> =>
  (await tx<{ userId: string }[]>`select user_id as "userId" from memberships where role in ('admin', 'credit_manager') order by user_id`).map((r) => r.userId);

export interface NewAlert {
  orgId: string;
  userId: string;
  kind: string;
  caseId: string | null;
  debtorId: string | null;
  payload: Record<string, unknown>;
  dueOn: string;
  dedupeKey: string;
}

export interface AlertRow {
  id: string;
  userId: string | null;
  kind: string;
  caseId: string | null;
  debtorId: string | null;
  debtorName: string | null;
  payload: Record<string, unknown>;
  dueOn: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Inserts the alerts not raised before (by dedupe key) and answers only those, as the panel shows them. */
export const insertAlertsIfNew = async (tx: TenantTx, alerts: NewAlert[]): Promise<AlertRow[]> => {
  if (alerts.length === 0) return [];
  return tx<AlertRow[]>`
    with inserted as (
      insert into alerts (org_id, user_id, kind, case_id, debtor_id, payload, due_on, dedupe_key)
      select org_id, user_id, kind, case_id, debtor_id, payload, due_on, dedupe_key from jsonb_to_recordset(${tx.json(alerts.map((a) => ({
        org_id: a.orgId, user_id: a.userId, kind: a.kind, case_id: a.caseId, debtor_id: a.debtorId, payload: a.payload, due_on: a.dueOn, dedupe_key: a.dedupeKey,
      })) as never)})
        as t(org_id uuid, user_id uuid, kind text, case_id uuid, debtor_id uuid, payload jsonb, due_on date, dedupe_key text)
      on conflict (org_id, dedupe_key) do nothing
      returning id, user_id, kind, case_id, debtor_id, payload, due_on, created_at, read_at
    )
    select x.id, x.user_id as "userId", x.kind, x.case_id as "caseId", x.debtor_id as "debtorId", d.name as "debtorName", x.payload,
      x.due_on as "dueOn", x.created_at as "createdAt", x.read_at as "readAt"
    from inserted x left join debtors d on d.id = x.debtor_id
    order by x.due_on, x.kind`;
};

export const listUserAlerts = (tx: TenantTx, userId: string, f: { unreadOnly: boolean; limit: number }): Promise<AlertRow[]> =>
  tx<AlertRow[]>`
    select a.id, a.user_id as "userId", a.kind, a.case_id as "caseId", a.debtor_id as "debtorId", d.name as "debtorName", a.payload,
      a.due_on as "dueOn", a.created_at as "createdAt", a.read_at as "readAt"
    from alerts a left join debtors d on d.id = a.debtor_id
    where a.user_id = ${userId} and (not ${f.unreadOnly} or a.read_at is null)
    order by a.created_at desc, a.due_on, a.id
    limit ${f.limit}`;

export const countUnreadAlerts = async (tx: TenantTx, userId: string): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from alerts where user_id = ${userId} and read_at is null`;
  return row!.n;
};

/** Marks the user's alerts read (the given ones, or all); answers how many changed. */
export const markAlertsRead = async (tx: TenantTx, userId: string, ids: string[] | null, at: Date): Promise<number> => {
  const rows = await tx`
    update alerts set read_at = ${at} where user_id = ${userId} and read_at is null and (${ids === null} or id = any(${tx.array(ids ?? [])}::uuid[]))
    returning id`;
  return rows.length;
};

export interface DigestAlertRow extends AlertRow {
  userEmail: string;
  userName: string;
  userLocale: "fr" | "en";
}

/** Alerts not e-mailed yet, with their member's address, locked so two digest runs never mail one twice. */
export const lockUndigestedAlerts = (tx: TenantTx): Promise<DigestAlertRow[]> =>
  tx<DigestAlertRow[]>`
    select a.id, a.user_id as "userId", a.kind, a.case_id as "caseId", a.debtor_id as "debtorId", d.name as "debtorName", a.payload,
      a.due_on as "dueOn", a.created_at as "createdAt", a.read_at as "readAt", u.email as "userEmail", u.display_name as "userName",
      u.locale as "userLocale"
    from alerts a join users u on u.id = a.user_id left join debtors d on d.id = a.debtor_id
    where a.emailed_at is null and a.read_at is null
    order by u.email, a.due_on, a.kind
    for update of a skip locked`;

export const markAlertsEmailed = async (tx: TenantTx, ids: string[], at: Date): Promise<void> => {
  if (ids.length === 0) return;
  await tx`update alerts set emailed_at = ${at} where id = any(${tx.array(ids)}::uuid[])`;
};

export interface NewProceeding {
  orgId: string;
  caseId: string;
  kind: "fr_injonction" | "ch_payment_order";
  issuedOn: string;
  servedOn: string | null;
  mainleveeDays: number;
  reference: string | null;
  createdBy: string;
}

export const insertLegalProceeding = async (tx: TenantTx, p: NewProceeding): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into legal_proceedings (org_id, case_id, kind, issued_on, served_on, mainlevee_days, reference, created_by)
    values (${p.orgId}, ${p.caseId}, ${p.kind}, ${p.issuedOn}, ${p.servedOn}, ${p.mainleveeDays}, ${p.reference}, ${p.createdBy}) returning id`;
  return row!.id;
};

export const updateLegalProceedingService = async (tx: TenantTx, id: string, servedOn: string | null, mainleveeDays: number): Promise<boolean> =>
  (await tx`update legal_proceedings set served_on = ${servedOn}, mainlevee_days = ${mainleveeDays} where id = ${id} returning id`).length > 0;

export const listCaseProceedings = (tx: TenantTx, caseId: string) =>
  tx<{ id: string; kind: "fr_injonction" | "ch_payment_order"; issuedOn: string; servedOn: string | null; mainleveeDays: number; reference: string | null }[]>`
    select id, kind, issued_on as "issuedOn", served_on as "servedOn", mainlevee_days as "mainleveeDays", reference
    from legal_proceedings where case_id = ${caseId} order by issued_on, created_at`;
