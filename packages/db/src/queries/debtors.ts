import type { Country, Currency } from "@relance/domain";
import type { TenantTx } from "../database.ts";

export interface DebtorListRow {
  id: string;
  externalId: string;
  name: string;
  country: string;
  city: string | null;
  segment: "b2b" | "b2c";
  jurisdiction: Country;
  openInvoices: number;
  /** Open balance per currency, minor units. */
  balances: { currency: Currency; openMinor: number; overdueMinor: number }[];
}

export interface NewDebtor {
  orgId: string;
  externalId: string;
  name: string;
  country: string;
  city: string | null;
  segment: "b2b" | "b2c";
  jurisdiction: Country;
  identifier: string | null;
  language: string;
  paymentTermsDays: number;
  salesOwnerId: string | null;
}

/** Bulk insert through unnest (works on PGlite, where COPY FROM STDIN does not). */
export const insertDebtors = async (tx: TenantTx, debtors: NewDebtor[]): Promise<{ id: string; externalId: string }[]> => {
  if (debtors.length === 0) return [];
  return tx<{ id: string; externalId: string }[]>`
    insert into debtors (org_id, external_id, name, country, city, segment, jurisdiction, identifier, language,
                         payment_terms_days, sales_owner_id)
    select org_id, external_id, name, country, nullif(city, ''), segment, jurisdiction, nullif(identifier, ''),
           language, terms, nullif(owner, '')::uuid
    from unnest(
      ${tx.array(debtors.map((d) => d.orgId))}::uuid[], ${tx.array(debtors.map((d) => d.externalId))}::text[],
      ${tx.array(debtors.map((d) => d.name))}::text[], ${tx.array(debtors.map((d) => d.country))}::text[],
      ${tx.array(debtors.map((d) => d.city ?? ""))}::text[], ${tx.array(debtors.map((d) => d.segment))}::text[],
      ${tx.array(debtors.map((d) => d.jurisdiction))}::text[], ${tx.array(debtors.map((d) => d.identifier ?? ""))}::text[],
      ${tx.array(debtors.map((d) => d.language))}::text[], ${tx.array(debtors.map((d) => d.paymentTermsDays))}::int[],
      ${tx.array(debtors.map((d) => d.salesOwnerId ?? ""))}::text[]
    ) as t(org_id, external_id, name, country, city, segment, jurisdiction, identifier, language, terms, owner)
    returning id, external_id as "externalId"`;
};

export interface DebtorFilter {
  search: string | null;
  /** Only the debtors this sales rep owns. */
  ownerId: string | null;
}

const debtorWhere = (tx: TenantTx, f: DebtorFilter) => tx`
  (${f.search}::text is null or name ilike '%' || ${f.search} || '%' or external_id ilike ${f.search} || '%')
  and (${f.ownerId}::uuid is null or sales_owner_id = ${f.ownerId}::uuid)`;

export const countDebtors = async (tx: TenantTx, f: DebtorFilter): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from debtors where ${debtorWhere(tx, f)}`;
  return row?.n ?? 0;
};

export const listDebtors = async (
  tx: TenantTx,
  q: DebtorFilter & { limit: number; offset: number; asOf: string },
): Promise<DebtorListRow[]> =>
  tx<DebtorListRow[]>`
    with page as (
      select id, external_id, name, country, nullif(city, '') as city, segment, jurisdiction
      from debtors
      where ${debtorWhere(tx, q)}
      order by name, id
      limit ${q.limit} offset ${q.offset}
    )
    select p.id, p.external_id as "externalId", p.name, p.country, p.city, p.segment, p.jurisdiction,
      (select count(*)::int from invoices i where i.debtor_id = p.id and i.open_minor <> 0) as "openInvoices",
      coalesce((
        select json_agg(json_build_object('currency', b.currency, 'openMinor', b.open_minor, 'overdueMinor', b.overdue_minor)
                        order by b.currency)
        from (
          select currency, sum(open_minor)::bigint as open_minor,
                 coalesce(sum(open_minor) filter (where due_date < ${q.asOf}::date), 0)::bigint as overdue_minor
          from invoices i where i.debtor_id = p.id and i.open_minor <> 0 group by currency
        ) b
      ), '[]'::json) as balances
    from page p
    order by p.name, p.id`;

/** Payment terms of known debtors, by external id (to compute due dates a source does not carry). */
export const findDebtorTerms = async (tx: TenantTx, externalIds: string[]): Promise<Map<string, number>> => {
  const rows = await tx<{ externalId: string; days: number }[]>`
    select external_id as "externalId", payment_terms_days as days from debtors where external_id = any(${externalIds})`;
  return new Map(rows.map((r) => [r.externalId, r.days]));
};
