import type { TenantTx } from "../database.ts";
import type { CandidateInvoiceRow } from "./payments.ts";
import { containsPattern, prefixPattern } from "./like-pattern.ts";

export interface QueuedPaymentRow {
  id: string;
  bookingDate: string;
  amountMinor: number;
  unappliedMinor: number;
  currency: string;
  payerName: string | null;
  payerIban: string | null;
  reference: string | null;
  remittanceText: string | null;
}

const unapplied = (tx: TenantTx) => tx`
  (p.amount_minor - coalesce((select sum(a.amount_minor) from payment_allocations a
                              where a.payment_id = p.id and a.reversed_at is null), 0))::bigint`;

const paymentColumns = (tx: TenantTx) => tx`
  p.id, p.booking_date as "bookingDate", p.amount_minor as "amountMinor", ${unapplied(tx)} as "unappliedMinor",
  p.currency, p.payer_name as "payerName", p.payer_iban as "payerIban", p.reference, p.remittance_text as "remittanceText"`;

/** Payments with money not yet allocated to an invoice: the matching queue, oldest first. */
export const listUnappliedPayments = (tx: TenantTx, limit: number, offset: number): Promise<QueuedPaymentRow[]> =>
  tx<QueuedPaymentRow[]>`
    select ${paymentColumns(tx)} from payments p
    where p.reversed_at is null and ${unapplied(tx)} > 0
    order by p.booking_date, p.id limit ${limit} offset ${offset}`;

export const countUnappliedPayments = async (tx: TenantTx): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from payments p where p.reversed_at is null and ${unapplied(tx)} > 0`;
  return row?.n ?? 0;
};

/** The payment, locked for an allocation. */
export const findPaymentForUpdate = async (tx: TenantTx, id: string): Promise<QueuedPaymentRow | undefined> => {
  await tx`select 1 from payments where id = ${id} for update`;
  const [row] = await tx<QueuedPaymentRow[]>`select ${paymentColumns(tx)} from payments p where p.id = ${id}`;
  return row;
};

export const findOpenInvoicesForUpdate = (tx: TenantTx, ids: string[]): Promise<CandidateInvoiceRow[]> =>
  tx<CandidateInvoiceRow[]>`
    select i.id, i.debtor_id as "debtorId", i.number, i.payment_reference as "paymentReference", i.open_minor as "openMinor",
           i.currency, i.due_date as "dueDate", i.issue_date as "issueDate"
    from invoices i where i.id = any(${ids}::uuid[]) and i.kind = 'invoice'
    order by i.due_date, i.id for update`;

/** Open invoices of a currency whose number, external id or debtor name starts with the text. */
export const searchOpenInvoices = (
  tx: TenantTx,
  q: { currency: string; search: string; limit: number },
): Promise<(CandidateInvoiceRow & { debtorName: string })[]> =>
  tx<(CandidateInvoiceRow & { debtorName: string })[]>`
    select i.id, i.debtor_id as "debtorId", i.number, i.payment_reference as "paymentReference", i.open_minor as "openMinor",
           i.currency, i.due_date as "dueDate", i.issue_date as "issueDate", d.name as "debtorName"
    from invoices i join debtors d on d.id = i.debtor_id
    where i.kind = 'invoice' and i.open_minor > 0 and i.currency = ${q.currency}
      and (i.number ilike ${prefixPattern(q.search)} or i.external_id ilike ${prefixPattern(q.search)} or d.name ilike ${containsPattern(q.search)})
    order by i.due_date, i.id limit ${q.limit}`;

export const debtorNamesOf = async (tx: TenantTx, ids: string[]): Promise<Map<string, string>> => {
  const rows = await tx<{ id: string; name: string }[]>`select id, name from debtors where id = any(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
};

/**
 * Undoes an allocation (kept, marked reversed) and reopens the invoice by its amount, never beyond what the invoice
 * is for. A document an accounting re-import has since turned into a credit note is not reopened: its open amount is
 * the accounting's.
 */
export const reverseAllocation = async (tx: TenantTx, allocationId: string, userId: string | null): Promise<boolean> => {
  const [row] = await tx<{ invoiceId: string; amountMinor: number }[]>`
    update payment_allocations set reversed_at = now(), reversed_by = ${userId}
    where id = ${allocationId} and reversed_at is null
    returning invoice_id as "invoiceId", amount_minor as "amountMinor"`;
  if (!row) return false;
  await tx`
    update invoices set open_minor = least(amount_minor, open_minor + ${row.amountMinor}), updated_at = now()
    where id = ${row.invoiceId} and kind = 'invoice'`;
  return true;
};
