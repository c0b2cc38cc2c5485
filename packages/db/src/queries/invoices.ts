import type { Currency } from "@relance/domain";
import type { TenantTx } from "../database.ts";

export interface NewInvoice {
  orgId: string;
  debtorId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
}

export const insertInvoices = async (tx: TenantTx, invoices: NewInvoice[]): Promise<number> => {
  if (invoices.length === 0) return 0;
  const rows = await tx`
    insert into invoices (org_id, debtor_id, number, issue_date, due_date, currency, amount_minor, open_minor)
    select * from unnest(
      ${tx.array(invoices.map((i) => i.orgId))}::uuid[], ${tx.array(invoices.map((i) => i.debtorId))}::uuid[],
      ${tx.array(invoices.map((i) => i.number))}::text[], ${tx.array(invoices.map((i) => i.issueDate))}::date[],
      ${tx.array(invoices.map((i) => i.dueDate))}::date[], ${tx.array(invoices.map((i) => i.currency))}::text[],
      ${tx.array(invoices.map((i) => String(i.amountMinor)))}::bigint[],
      ${tx.array(invoices.map((i) => String(i.openMinor)))}::bigint[]
    )
    returning id`;
  return rows.length;
};

export interface ReceivablesSummaryRow {
  currency: Currency;
  openMinor: number;
  overdueMinor: number;
  openInvoices: number;
}

export const summarizeReceivables = async (tx: TenantTx, asOf: string): Promise<ReceivablesSummaryRow[]> =>
  tx<ReceivablesSummaryRow[]>`
    select currency, sum(open_minor)::bigint as "openMinor",
           coalesce(sum(open_minor) filter (where due_date < ${asOf}::date), 0)::bigint as "overdueMinor",
           count(*)::int as "openInvoices"
    from invoices where open_minor <> 0
    group by currency order by currency`;
