import type { Currency } from "@relance/domain";
import type { TenantTx } from "../database.ts";

/** One open item as an import writes it: the invoice with the fields of its debtor. */
export interface OpenItemRow {
  debtorExternalId: string;
  debtorName: string;
  debtorCountry: string;
  debtorSegment: "b2b" | "b2c";
  debtorIdentifier: string | null;
  debtorEmail: string | null;
  debtorLanguage: string | null;
  debtorPaymentTermsDays: number | null;
  invoiceExternalId: string;
  number: string;
  kind: "invoice" | "credit_note";
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
  poNumber: string | null;
  paymentReference: string | null;
}

export interface UpsertCounts {
  debtorsCreated: number;
  debtorsUpdated: number;
  invoicesCreated: number;
  invoicesUpdated: number;
}

const lastByKey = <T>(rows: T[], key: (row: T) => string): T[] => [...new Map(rows.map((r) => [key(r), r])).values()];

/**
 * Upserts debtors then invoices by external id (idempotent: the same file twice leaves the same state). Accounting
 * is trusted up to `asOf`; payments matched here with a later booking date stay subtracted from the open amount.
 */
export const upsertOpenItems = async (
  tx: TenantTx,
  orgId: string,
  asOf: string,
  rows: OpenItemRow[],
  /** False when the source knows little of the debtor (FEC): existing debtors are then left as they are. */
  updateDebtors = true,
): Promise<UpsertCounts> => {
  if (rows.length === 0) return { debtorsCreated: 0, debtorsUpdated: 0, invoicesCreated: 0, invoicesUpdated: 0 };
  const debtors = lastByKey(rows, (r) => r.debtorExternalId);
  const d = <T>(pick: (r: OpenItemRow) => T) => tx.array(debtors.map(pick) as never[]);
  const debtorRows = await tx<{ id: string; externalId: string; created: boolean }[]>`
    insert into debtors (org_id, external_id, name, country, segment, jurisdiction, identifier, email, language, payment_terms_days)
    select ${orgId}::uuid, ext, name, country, segment, case when country = 'CH' then 'CH' else 'FR' end,
           nullif(ident, ''), nullif(email, ''), coalesce(nullif(lang, ''), 'fr'), coalesce(terms, 30)
    from unnest(${d((r) => r.debtorExternalId)}::text[], ${d((r) => r.debtorName)}::text[], ${d((r) => r.debtorCountry)}::text[],
                ${d((r) => r.debtorSegment)}::text[], ${d((r) => r.debtorIdentifier ?? "")}::text[], ${d((r) => r.debtorEmail ?? "")}::text[],
                ${d((r) => r.debtorLanguage ?? "")}::text[], ${d((r) => r.debtorPaymentTermsDays)}::int[])
      as t(ext, name, country, segment, ident, email, lang, terms)
    on conflict (org_id, external_id) do update set
      name = case when ${updateDebtors} then excluded.name else debtors.name end,
      country = case when ${updateDebtors} then excluded.country else debtors.country end,
      segment = case when ${updateDebtors} then excluded.segment else debtors.segment end,
      jurisdiction = case when ${updateDebtors} then excluded.jurisdiction else debtors.jurisdiction end,
      identifier = coalesce(excluded.identifier, debtors.identifier), email = coalesce(excluded.email, debtors.email),
      language = case when ${updateDebtors} then excluded.language else debtors.language end,
      payment_terms_days = case when ${updateDebtors} then excluded.payment_terms_days else debtors.payment_terms_days end,
      updated_at = now()
    returning id, external_id as "externalId", (xmax = 0) as created`;
  const debtorId = new Map(debtorRows.map((r) => [r.externalId, r.id]));

  const invoices = lastByKey(rows, (r) => r.invoiceExternalId);
  const i = <T>(pick: (r: OpenItemRow) => T) => tx.array(invoices.map(pick) as never[]);
  const invoiceRows = await tx<{ created: boolean }[]>`
    insert into invoices (org_id, debtor_id, external_id, number, kind, issue_date, due_date, currency, amount_minor,
                          open_minor, accounting_open_minor, accounting_as_of, po_number, payment_reference)
    select ${orgId}::uuid, debtor, ext, num, kind, issued, due, cur, amount, open, open, ${asOf}::date, nullif(po, ''), nullif(ref, '')
    from unnest(${i((r) => debtorId.get(r.debtorExternalId))}::uuid[], ${i((r) => r.invoiceExternalId)}::text[],
                ${i((r) => r.number)}::text[], ${i((r) => r.kind)}::text[], ${i((r) => r.issueDate)}::date[],
                ${i((r) => r.dueDate)}::date[], ${i((r) => r.currency)}::text[], ${i((r) => String(r.amountMinor))}::bigint[],
                ${i((r) => String(r.openMinor))}::bigint[], ${i((r) => r.poNumber ?? "")}::text[], ${i((r) => r.paymentReference ?? "")}::text[])
      as t(debtor, ext, num, kind, issued, due, cur, amount, open, po, ref)
    on conflict (org_id, external_id) do update set
      debtor_id = excluded.debtor_id, number = excluded.number, kind = excluded.kind, issue_date = excluded.issue_date,
      due_date = excluded.due_date, currency = excluded.currency, amount_minor = excluded.amount_minor,
      accounting_open_minor = excluded.accounting_open_minor, accounting_as_of = excluded.accounting_as_of,
      po_number = excluded.po_number, payment_reference = excluded.payment_reference, updated_at = now(),
      open_minor = case when excluded.kind = 'invoice'
        then greatest(0, excluded.accounting_open_minor - (
          select coalesce(sum(a.amount_minor), 0) from payment_allocations a join payments p on p.id = a.payment_id
          where a.invoice_id = invoices.id and a.reversed_at is null and p.booking_date > excluded.accounting_as_of))
        else excluded.accounting_open_minor end
    returning (xmax = 0) as created`;
  const debtorsCreated = debtorRows.filter((r) => r.created).length;
  const invoicesCreated = invoiceRows.filter((r) => r.created).length;
  return {
    debtorsCreated,
    debtorsUpdated: debtorRows.length - debtorsCreated,
    invoicesCreated,
    invoicesUpdated: invoiceRows.length - invoicesCreated,
  };
};
