import type { TenantTx } from "../database.ts";
import { daysPastDueSql, invoiceStatusSql } from "./invoice-status.ts";

export interface ExportedInvoiceRow {
  invoiceExternalId: string;
  number: string;
  debtorExternalId: string;
  debtorName: string;
  kind: "invoice" | "credit_note";
  issueDate: string;
  dueDate: string;
  currency: string;
  amountMinor: number;
  openMinor: number;
  /** Matched in Relance after accounting's last export: what accounting has yet to book. */
  paidInRelanceMinor: number;
  writtenOffMinor: number;
  paymentReference: string | null;
  /** Derived as on the invoices screen (one SQL definition). */
  status: string;
  /** Days from the due date to the as-of date while something is open, else null. */
  daysPastDue: number | null;
  /** The debtor's, for the late penalties. */
  jurisdiction: "FR" | "CH";
  segment: "b2b" | "b2c";
}

/**
 * Streams, in pages, every invoice that is open or whose outcome Relance changed (a payment matched here, a write-
 * off): what the accounting system needs back.
 */
export const streamInvoicesForExport = async (
  tx: TenantTx,
  asOf: string,
  onPage: (rows: ExportedInvoiceRow[]) => Promise<void> | void,
  pageSize = 2_000,
): Promise<void> => {
  await tx<ExportedInvoiceRow[]>`
    select i.external_id as "invoiceExternalId", i.number, d.external_id as "debtorExternalId", d.name as "debtorName",
           i.kind, i.issue_date as "issueDate", i.due_date as "dueDate", i.currency, i.amount_minor as "amountMinor",
           i.open_minor as "openMinor", coalesce(a.paid, 0)::bigint as "paidInRelanceMinor",
           i.written_off_minor as "writtenOffMinor", i.payment_reference as "paymentReference",
           ${invoiceStatusSql(tx)} as status, ${daysPastDueSql(tx, asOf)} as "daysPastDue",
           d.jurisdiction, d.segment
    from invoices i
    join debtors d on d.id = i.debtor_id
    left join lateral (
      select sum(pa.amount_minor) as paid from payment_allocations pa join payments p on p.id = pa.payment_id
      where pa.invoice_id = i.id and pa.reversed_at is null and p.booking_date > i.accounting_as_of
    ) a on true
    where i.open_minor <> 0 or i.written_off_minor > 0 or a.paid is not null
    order by d.external_id, i.due_date, i.external_id`.cursor(pageSize, async (rows) => {
    await onPage(rows);
  });
};
