import type { TenantTx } from "../database.ts";

export type DisputeStatusValue = "open" | "investigating" | "waiting_sales" | "waiting_billing" | "waiting_customer" | "resolved";
export type DisputeResolutionValue = "credit_note" | "rejected" | "partial";

export interface DisputeRow {
  id: string;
  caseId: string;
  debtorId: string;
  reasonId: string;
  reasonCode: string;
  reasonLabelFr: string;
  reasonLabelEn: string;
  currency: "EUR" | "CHF";
  disputedMinor: number;
  ownerId: string | null;
  ownerName: string | null;
  status: DisputeStatusValue;
  dueDate: string;
  escalatedAt: Date | null;
  resolution: DisputeResolutionValue | null;
  creditedMinor: number | null;
  creditNoteId: string | null;
  creditNoteNumber: string | null;
  resolutionNote: string | null;
  openedBy: string | null;
  openedByName: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

export interface DisputeInvoiceRow {
  disputeId: string;
  invoiceId: string;
  number: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  openMinorAtOpen: number;
}

export interface DisputeParticipantRow {
  disputeId: string;
  userId: string;
  displayName: string;
  role: string;
  addedAt: Date;
}

export interface DisputeIntervalRow {
  disputeId: string;
  status: DisputeStatusValue;
  startedAt: Date;
  endedAt: Date | null;
}

const disputeColumns = (tx: TenantTx) => tx`
  d.id, d.case_id as "caseId", d.debtor_id as "debtorId", d.reason_id as "reasonId", r.code as "reasonCode",
  r.label_fr as "reasonLabelFr", r.label_en as "reasonLabelEn", d.currency, d.disputed_minor as "disputedMinor",
  d.owner_id as "ownerId", ou.display_name as "ownerName", d.status, d.due_date as "dueDate", d.escalated_at as "escalatedAt",
  d.resolution, d.credited_minor as "creditedMinor", d.credit_note_id as "creditNoteId", cn.number as "creditNoteNumber",
  d.resolution_note as "resolutionNote", d.opened_by as "openedBy", bu.display_name as "openedByName", d.opened_at as "openedAt",
  d.resolved_at as "resolvedAt"`;

const disputeFrom = (tx: TenantTx) => tx`
  disputes d join dispute_reasons r on r.id = d.reason_id
  left join users ou on ou.id = d.owner_id left join users bu on bu.id = d.opened_by
  left join invoices cn on cn.id = d.credit_note_id`;

export const findDispute = async (tx: TenantTx, id: string): Promise<DisputeRow | undefined> => {
  const [row] = await tx<DisputeRow[]>`select ${disputeColumns(tx)} from ${disputeFrom(tx)} where d.id = ${id}`;
  return row;
};

/** The dispute, locked so that two changes of one dispute apply one after the other. */
export const lockDispute = async (tx: TenantTx, id: string): Promise<DisputeRow | undefined> => {
  const locked = await tx`select 1 from disputes where id = ${id} for update`;
  return locked.length === 0 ? undefined : findDispute(tx, id);
};

/** A case's disputes, unresolved first, newest first. */
export const listDisputesOfCase = (tx: TenantTx, caseId: string): Promise<DisputeRow[]> =>
  tx<DisputeRow[]>`
    select ${disputeColumns(tx)} from ${disputeFrom(tx)} where d.case_id = ${caseId}
    order by d.status = 'resolved', d.opened_at desc, d.id`;

export const listDisputeInvoices = (tx: TenantTx, disputeIds: readonly string[]): Promise<DisputeInvoiceRow[]> =>
  tx<DisputeInvoiceRow[]>`
    select x.dispute_id as "disputeId", i.id as "invoiceId", i.number, i.due_date as "dueDate", i.amount_minor as "amountMinor",
      i.open_minor as "openMinor", x.open_minor_at_open as "openMinorAtOpen"
    from dispute_invoices x join invoices i on i.id = x.invoice_id
    where x.dispute_id = any(${tx.array([...disputeIds])}::uuid[]) order by i.due_date, i.number`;

/** Active participants of the disputes. */
export const listDisputeParticipants = (tx: TenantTx, disputeIds: readonly string[]): Promise<DisputeParticipantRow[]> =>
  tx<DisputeParticipantRow[]>`
    select p.dispute_id as "disputeId", p.user_id as "userId", u.display_name as "displayName", m.role, p.added_at as "addedAt"
    from dispute_participants p join users u on u.id = p.user_id
    join memberships m on m.org_id = p.org_id and m.user_id = p.user_id
    where p.dispute_id = any(${tx.array([...disputeIds])}::uuid[]) and p.removed_at is null
    order by u.display_name, p.user_id`;

export const listDisputeIntervals = (tx: TenantTx, disputeIds: readonly string[]): Promise<DisputeIntervalRow[]> =>
  tx<DisputeIntervalRow[]>`
    select dispute_id as "disputeId", status, started_at as "startedAt", ended_at as "endedAt"
    from dispute_status_intervals where dispute_id = any(${tx.array([...disputeIds])}::uuid[]) order by started_at, id`;

export interface DisputableInvoiceRow {
  id: string;
  number: string;
  kind: "invoice" | "credit_note";
  currency: "EUR" | "CHF";
  dueDate: string;
  openMinor: number;
  /** The unresolved dispute already covering it, if any. */
  activeDisputeId: string | null;
}

/** The debtor's invoices among `ids`, locked: what a dispute may cover and how much is open on each. */
export const lockDebtorInvoices = (tx: TenantTx, debtorId: string, ids: readonly string[]): Promise<DisputableInvoiceRow[]> =>
  tx<DisputableInvoiceRow[]>`
    select i.id, i.number, i.kind, i.currency, i.due_date as "dueDate", i.open_minor as "openMinor",
      (select x.dispute_id from dispute_invoices x where x.invoice_id = i.id and x.active) as "activeDisputeId"
    from invoices i where i.debtor_id = ${debtorId} and i.id = any(${tx.array([...ids])}::uuid[])
    order by i.due_date, i.id for update of i`;

export const insertDispute = async (
  tx: TenantTx,
  d: {
    orgId: string; caseId: string; debtorId: string; reasonId: string; currency: string; disputedMinor: number; ownerId: string;
    dueDate: string; openedBy: string; openedAt: Date; invoices: readonly { invoiceId: string; openMinor: number }[];
  },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into disputes (org_id, case_id, debtor_id, reason_id, currency, disputed_minor, owner_id, due_date, opened_by, opened_at, updated_at)
    values (${d.orgId}, ${d.caseId}, ${d.debtorId}, ${d.reasonId}, ${d.currency}, ${d.disputedMinor}, ${d.ownerId}, ${d.dueDate},
            ${d.openedBy}, ${d.openedAt}, ${d.openedAt})
    returning id`;
  const id = row!.id;
  await tx`
    insert into dispute_invoices (org_id, dispute_id, invoice_id, open_minor_at_open)
    select ${d.orgId}, ${id}, i, o from unnest(${tx.array(d.invoices.map((i) => i.invoiceId))}::uuid[],
                                              ${tx.array(d.invoices.map((i) => i.openMinor))}::bigint[]) as t(i, o)`;
  await tx`
    insert into dispute_status_intervals (org_id, dispute_id, status, started_at, started_by)
    values (${d.orgId}, ${id}, 'open', ${d.openedAt}, ${d.openedBy})`;
  return id;
};

/** Ends the current status interval and starts the next one at the same instant, so no time is lost or counted twice. */
export const moveDisputeStatus = async (
  tx: TenantTx,
  m: { orgId: string; disputeId: string; status: DisputeStatusValue; at: Date; by: string | null },
): Promise<void> => {
  await tx`
    update dispute_status_intervals set ended_at = greatest(started_at, ${m.at}::timestamptz)
    where dispute_id = ${m.disputeId} and ended_at is null`;
  await tx`
    insert into dispute_status_intervals (org_id, dispute_id, status, started_at, started_by)
    values (${m.orgId}, ${m.disputeId}, ${m.status}, ${m.at}, ${m.by})`;
  await tx`update disputes set status = ${m.status}, updated_at = ${m.at} where id = ${m.disputeId}`;
};

/** Sets the fields given. */
export const updateDisputeFields = async (
  tx: TenantTx,
  id: string,
  f: { disputedMinor?: number; ownerId?: string; dueDate?: string; at: Date },
): Promise<void> => {
  await tx`
    update disputes set
      disputed_minor = coalesce(${f.disputedMinor ?? null}::bigint, disputed_minor),
      owner_id = coalesce(${f.ownerId ?? null}::uuid, owner_id),
      due_date = coalesce(${f.dueDate ?? null}::date, due_date),
      -- a new due date gives the dispute a new chance to be escalated when it runs out again
      escalated_at = case when ${f.dueDate ?? null}::date is not null and ${f.dueDate ?? null}::date <> due_date then null else escalated_at end,
      updated_at = ${f.at}
    where id = ${id}`;
};

/** Adds participants (again, if they had been removed); returns those newly active. */
export const addDisputeParticipants = async (
  tx: TenantTx,
  p: { orgId: string; disputeId: string; userIds: readonly string[]; by: string; at: Date },
): Promise<string[]> => {
  if (p.userIds.length === 0) return [];
  const rows = await tx<{ userId: string }[]>`
    insert into dispute_participants (org_id, dispute_id, user_id, added_by, added_at)
    select ${p.orgId}, ${p.disputeId}, u, ${p.by}, ${p.at} from unnest(${tx.array([...p.userIds])}::uuid[]) as u
    on conflict (org_id, dispute_id, user_id) do update
      set added_by = excluded.added_by, added_at = excluded.added_at, removed_by = null, removed_at = null
      where dispute_participants.removed_at is not null
    returning user_id as "userId"`;
  return rows.map((r) => r.userId);
};

/** Removes participants; returns those who were active. */
export const removeDisputeParticipants = async (
  tx: TenantTx,
  p: { disputeId: string; userIds: readonly string[]; by: string; at: Date },
): Promise<string[]> => {
  if (p.userIds.length === 0) return [];
  const rows = await tx<{ userId: string }[]>`
    update dispute_participants set removed_by = ${p.by}, removed_at = ${p.at}
    where dispute_id = ${p.disputeId} and user_id = any(${tx.array([...p.userIds])}::uuid[]) and removed_at is null
    returning user_id as "userId"`;
  return rows.map((r) => r.userId);
};

/** Records the resolution and releases the invoices (dunning resumes on what is still open). */
export const markDisputeResolved = async (
  tx: TenantTx,
  r: { disputeId: string; resolution: DisputeResolutionValue; creditedMinor: number | null; creditNoteId: string | null; note: string | null; by: string; at: Date },
): Promise<void> => {
  await tx`
    update disputes set status = 'resolved', resolution = ${r.resolution}, credited_minor = ${r.creditedMinor}, credit_note_id = ${r.creditNoteId},
      resolution_note = ${r.note}, resolved_by = ${r.by}, resolved_at = ${r.at}, updated_at = ${r.at}
    where id = ${r.disputeId}`;
  await tx`update dispute_invoices set active = false where dispute_id = ${r.disputeId}`;
};

/** The member's role in the tenant for each of `userIds` that is a member. */
export const findMemberRoles = async (tx: TenantTx, userIds: readonly string[]): Promise<Map<string, string>> => {
  const rows = await tx<{ userId: string; role: string }[]>`
    select user_id as "userId", role from memberships where user_id = any(${tx.array([...userIds])}::uuid[])`;
  return new Map(rows.map((r) => [r.userId, r.role]));
};

export const findDisputeSlaDays = async (tx: TenantTx): Promise<number> => {
  const [row] = await tx<{ days: number }[]>`select dispute_sla_business_days as days from organizations`;
  return row!.days;
};

export const updateDisputeSlaDays = async (tx: TenantTx, days: number): Promise<void> => {
  await tx`update organizations set dispute_sla_business_days = ${days}`;
};

/** The invoices (among `ids`) under an unresolved dispute. */
export const listDisputedInvoiceIds = async (tx: TenantTx, ids: readonly string[]): Promise<Set<string>> => {
  const rows = await tx<{ id: string }[]>`
    select invoice_id as id from dispute_invoices where active and invoice_id = any(${tx.array([...ids])}::uuid[])`;
  return new Set(rows.map((r) => r.id));
};
