import type { Country, Currency, InvoiceStatus } from "@relance/domain";
import type { TenantTx } from "../database.ts";
import { daysPastDueSql, invoiceStatusSql } from "./invoice-status.ts";

export interface DebtorDetailRow {
  id: string;
  externalId: string;
  name: string;
  identifier: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  phone: string | null;
  language: string;
  segment: "b2b" | "b2c";
  jurisdiction: Country;
  paymentTermsDays: number;
  creditLimitMinor: number | null;
  /** A debtor has no currency of its own: its credit limit is in the tenant's default currency. */
  creditLimitCurrency: Currency;
  salesOwnerId: string | null;
  /** Null when there is no owner, or the owner has left the organization. */
  salesOwnerName: string | null;
  /** The debtor's open case (one at most) and its stage; null when none is open. */
  openCaseId: string | null;
  openCaseStage: string | null;
}

export interface DebtorContactRow {
  id: string;
  name: string;
  role: "accounts_payable" | "buyer" | "management" | "other";
  email: string | null;
  phone: string | null;
  preferredChannel: "email" | "letter" | "sms" | "phone";
  language: string | null;
}

export interface OpenItemListRow {
  id: string;
  number: string;
  externalId: string;
  kind: "invoice" | "credit_note";
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
  paymentReference: string | null;
  poNumber: string | null;
  daysPastDue: number;
  status: InvoiceStatus;
}

export interface DebtorPaymentRow {
  id: string;
  bookingDate: string;
  valueDate: string | null;
  amountMinor: number;
  currency: Currency;
  payerName: string | null;
  reversed: boolean;
  /** Only the allocations to this debtor's invoices. */
  allocations: { invoiceId: string; invoiceNumber: string; amountMinor: number; rule: string; reversed: boolean }[];
}

/** Open amount and item count of a debtor's open items per currency and due date, to be aged into buckets. */
export interface OpenByDueDateRow {
  currency: Currency;
  dueDate: string;
  openMinor: number;
  itemCount: number;
}

export const findDebtorDetail = async (tx: TenantTx, debtorId: string): Promise<DebtorDetailRow | undefined> => {
  const [row] = await tx<DebtorDetailRow[]>`
    select d.id, d.external_id as "externalId", d.name, d.identifier, d.address_line1 as "addressLine1",
           d.address_line2 as "addressLine2", d.postal_code as "postalCode", nullif(d.city, '') as city, d.country,
           d.email, d.phone, d.language, d.segment, d.jurisdiction, d.payment_terms_days as "paymentTermsDays",
           d.credit_limit_minor as "creditLimitMinor", o.default_currency as "creditLimitCurrency",
           d.sales_owner_id as "salesOwnerId", u.display_name as "salesOwnerName",
           c.id as "openCaseId", c.stage as "openCaseStage"
    from debtors d
    join organizations o on o.id = d.org_id
    left join users u on u.id = d.sales_owner_id
    left join cases c on c.debtor_id = d.id and c.status = 'open'
    where d.id = ${debtorId}::uuid`;
  return row;
};

export const listDebtorIbans = async (tx: TenantTx, debtorId: string): Promise<string[]> => {
  const rows = await tx<{ iban: string }[]>`select iban from debtor_ibans where debtor_id = ${debtorId}::uuid order by iban`;
  return rows.map((r) => r.iban);
};

/** Invoices and credit notes still open, oldest due first. */
export const listDebtorOpenItems = (tx: TenantTx, q: { debtorId: string; asOf: string; limit: number }): Promise<OpenItemListRow[]> =>
  tx<OpenItemListRow[]>`
    select i.id, i.number, i.external_id as "externalId", i.kind, i.issue_date as "issueDate", i.due_date as "dueDate",
           i.currency, i.amount_minor as "amountMinor", i.open_minor as "openMinor",
           i.payment_reference as "paymentReference", i.po_number as "poNumber",
           ${daysPastDueSql(tx, q.asOf)} as "daysPastDue", ${invoiceStatusSql(tx)} as status
    from invoices i
    where i.debtor_id = ${q.debtorId}::uuid and i.open_minor <> 0
    order by i.due_date, i.id
    limit ${q.limit}`;

export const sumDebtorOpenByDueDate = (tx: TenantTx, debtorId: string): Promise<OpenByDueDateRow[]> =>
  tx<OpenByDueDateRow[]>`
    select currency, due_date as "dueDate", sum(open_minor)::bigint as "openMinor", count(*)::int as "itemCount"
    from invoices
    where debtor_id = ${debtorId}::uuid and open_minor <> 0
    group by currency, due_date
    order by currency, due_date`;

/** The latest payments allocated to the debtor's invoices, newest first, reversed ones included and flagged. */
export const listDebtorPayments = (tx: TenantTx, q: { debtorId: string; limit: number }): Promise<DebtorPaymentRow[]> =>
  tx<DebtorPaymentRow[]>`
    select p.id, p.booking_date as "bookingDate", p.value_date as "valueDate", p.amount_minor as "amountMinor",
           p.currency, p.payer_name as "payerName", p.reversed_at is not null as reversed,
           json_agg(json_build_object(
             'invoiceId', i.id, 'invoiceNumber', i.number, 'amountMinor', a.amount_minor, 'rule', a.rule,
             'reversed', a.reversed_at is not null
           ) order by i.number, a.id) as allocations
    from payment_allocations a
    join invoices i on i.id = a.invoice_id
    join payments p on p.id = a.payment_id
    where i.debtor_id = ${q.debtorId}::uuid
    group by p.id
    order by p.booking_date desc, p.id desc
    limit ${q.limit}`;
