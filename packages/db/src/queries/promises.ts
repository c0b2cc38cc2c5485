import type { TenantTx } from "../database.ts";

export type PromiseStatus = "pending" | "kept" | "broken" | "cancelled";

export interface PromiseRow {
  id: string;
  caseId: string;
  debtorId: string;
  amountMinor: number;
  currency: string;
  promisedFor: string;
  channel: string;
  promisedBy: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  status: PromiseStatus;
  createdAt: Date;
}

const promiseColumns = (tx: TenantTx) => tx`
  p.id, p.case_id as "caseId", p.debtor_id as "debtorId", p.amount_minor as "amountMinor", p.currency,
  p.promised_for as "promisedFor", p.channel, p.promised_by as "promisedBy", p.recorded_by as "recordedBy",
  u.display_name as "recordedByName", p.status, p.created_at as "createdAt"`;

export const insertPromise = async (
  tx: TenantTx,
  p: {
    orgId: string;
    caseId: string;
    debtorId: string;
    amountMinor: number;
    currency: string;
    promisedFor: string;
    channel: string;
    promisedBy: string | null;
    recordedBy: string;
    createdAt: Date;
  },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into promises (org_id, case_id, debtor_id, amount_minor, currency, promised_for, channel, promised_by, recorded_by, created_at)
    values (${p.orgId}, ${p.caseId}, ${p.debtorId}, ${p.amountMinor}, ${p.currency}, ${p.promisedFor}, ${p.channel}, ${p.promisedBy},
            ${p.recordedBy}, ${p.createdAt})
    returning id`;
  return row!.id;
};

export const listPendingPromisesOfCase = (tx: TenantTx, caseId: string): Promise<PromiseRow[]> =>
  tx<PromiseRow[]>`
    select ${promiseColumns(tx)} from promises p left join users u on u.id = p.recorded_by
    where p.case_id = ${caseId} and p.status = 'pending' order by p.promised_for, p.created_at`;

export const findPromiseForUpdate = async (tx: TenantTx, id: string): Promise<PromiseRow | undefined> => {
  await tx`select 1 from promises where id = ${id} for update`;
  const [row] = await tx<PromiseRow[]>`
    select ${promiseColumns(tx)} from promises p left join users u on u.id = p.recorded_by where p.id = ${id}`;
  return row;
};

/** Moves a pending promise to its outcome; false when it was no longer pending (resolved by someone else). */
export const settlePromise = async (tx: TenantTx, id: string, status: Exclude<PromiseStatus, "pending">, at: Date): Promise<boolean> => {
  const rows = await tx`update promises set status = ${status}, resolved_at = ${at} where id = ${id} and status = 'pending' returning id`;
  return rows.length > 0;
};

export interface PendingPromiseProgress {
  id: string;
  caseId: string;
  debtorId: string;
  assigneeId: string | null;
  amountMinor: number;
  currency: string;
  promisedFor: string;
  /** Money of the promise's currency allocated to the debtor's invoices from the day it was recorded to its date. */
  paidMinor: number;
}

/**
 * Pending promises (locked, skipping those another run holds) with what was paid towards them: allocations, not
 * reversed, of payments booked from the day the promise was recorded (tenant's zone) up to its date and `asOf`.
 */
export const listPendingPromisesWithPayments = (tx: TenantTx, asOf: string): Promise<PendingPromiseProgress[]> =>
  tx<PendingPromiseProgress[]>`
    with pending as (
      select p.id, p.case_id, p.debtor_id, p.amount_minor, p.currency, p.promised_for,
             (p.created_at at time zone o.time_zone)::date as recorded_on
      from promises p join organizations o on o.id = p.org_id
      where p.status = 'pending'
      for update of p skip locked
    )
    select pe.id, pe.case_id as "caseId", pe.debtor_id as "debtorId", c.assignee_id as "assigneeId",
           pe.amount_minor as "amountMinor", pe.currency, pe.promised_for as "promisedFor",
           coalesce((
             select sum(a.amount_minor) from payment_allocations a
             join payments pay on pay.id = a.payment_id
             join invoices i on i.id = a.invoice_id
             where i.debtor_id = pe.debtor_id and a.reversed_at is null and pay.reversed_at is null
               and pay.currency = pe.currency
               and pay.booking_date >= pe.recorded_on and pay.booking_date <= least(pe.promised_for, ${asOf}::date)
           ), 0)::bigint as "paidMinor"
    from pending pe join cases c on c.id = pe.case_id
    order by pe.promised_for, pe.id`;

/** One alert per condition: a second raise of the same dedupe key changes nothing. Returns whether it was new. */
export const insertAlertOnce = async (
  tx: TenantTx,
  a: { orgId: string; userId: string | null; kind: string; caseId: string | null; debtorId: string | null; payload: Record<string, unknown>; dueOn: string; dedupeKey: string },
): Promise<boolean> => {
  const rows = await tx`
    insert into alerts (org_id, user_id, kind, case_id, debtor_id, payload, due_on, dedupe_key)
    values (${a.orgId}, ${a.userId}, ${a.kind}, ${a.caseId}, ${a.debtorId}, ${tx.json(a.payload as never)}, ${a.dueOn}, ${a.dedupeKey})
    on conflict (org_id, dedupe_key) do nothing returning id`;
  return rows.length > 0;
};
