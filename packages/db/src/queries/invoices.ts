import type { Currency } from "@relance/domain";
import type { TenantTx } from "../database.ts";

export interface NewInvoice {
  orgId: string;
  debtorId: string;
  number: string;
  /** The accounting system's id; the invoice number when there is none. */
  externalId?: string;
  kind?: "invoice" | "credit_note";
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
  poNumber?: string | null;
  paymentReference?: string | null;
  /** Date up to which accounting's open amount is true; today when omitted. */
  accountingAsOf?: string;
}

/** Bulk insert through unnest (works on PGlite, where COPY FROM STDIN does not). */
export const insertInvoices = async (tx: TenantTx, invoices: NewInvoice[]): Promise<number> => {
  if (invoices.length === 0) return 0;
  const col = <T>(pick: (i: NewInvoice) => T) => tx.array(invoices.map(pick) as never[]);
  const rows = await tx`
    insert into invoices (org_id, debtor_id, number, external_id, kind, issue_date, due_date, currency, amount_minor,
                          open_minor, accounting_open_minor, accounting_as_of, po_number, payment_reference)
    select org_id, debtor_id, number, external_id, kind, issue_date, due_date, currency, amount, open, open,
           coalesce(nullif(as_of, '')::date, current_date), nullif(po, ''), nullif(ref, '')
    from unnest(
      ${col((i) => i.orgId)}::uuid[], ${col((i) => i.debtorId)}::uuid[], ${col((i) => i.number)}::text[],
      ${col((i) => i.externalId ?? i.number)}::text[], ${col((i) => i.kind ?? "invoice")}::text[],
      ${col((i) => i.issueDate)}::date[], ${col((i) => i.dueDate)}::date[], ${col((i) => i.currency)}::text[],
      ${col((i) => String(i.amountMinor))}::bigint[], ${col((i) => String(i.openMinor))}::bigint[],
      ${col((i) => i.accountingAsOf ?? "")}::text[], ${col((i) => i.poNumber ?? "")}::text[],
      ${col((i) => i.paymentReference ?? "")}::text[]
    ) as t(org_id, debtor_id, number, external_id, kind, issue_date, due_date, currency, amount, open, as_of, po, ref)
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
