import type { Country, Currency, DebtorSortKey } from "@relance/domain";
import type postgres from "postgres";
import type { TenantTx } from "../database.ts";
import { containsPattern, prefixPattern } from "./like-pattern.ts";

export interface DebtorListRow {
  id: string;
  externalId: string;
  name: string;
  country: string;
  city: string | null;
  segment: "b2b" | "b2c";
  jurisdiction: Country;
  salesOwnerId: string | null;
  /** Null when there is no owner, or the owner has left the organization. */
  salesOwnerName: string | null;
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
  /** Access scope: only the debtors this sales rep owns. */
  ownerId: string | null;
  segment?: "b2b" | "b2c" | null;
  jurisdiction?: Country | null;
  /** The owner a user filters on. */
  salesOwnerId?: string | null;
  /** Only the debtors with an invoice still open and past due as of this date. */
  overdueAsOf?: string | null;
  /** Only the debtors who owe more than their credit limit, in the tenant's currency (the limit's). */
  overLimitOnly?: boolean;
}

const debtorConditions = (tx: TenantTx, f: DebtorFilter): postgres.Fragment[] => {
  const where: postgres.Fragment[] = [];
  if (f.search) where.push(tx`(d.name ilike ${containsPattern(f.search)} or d.external_id ilike ${prefixPattern(f.search)})`);
  if (f.ownerId) where.push(tx`d.sales_owner_id = ${f.ownerId}::uuid`);
  if (f.salesOwnerId) where.push(tx`d.sales_owner_id = ${f.salesOwnerId}::uuid`);
  if (f.segment) where.push(tx`d.segment = ${f.segment}`);
  if (f.jurisdiction) where.push(tx`d.jurisdiction = ${f.jurisdiction}`);
  if (f.overdueAsOf) {
    where.push(tx`exists (
      select 1 from invoices i where i.debtor_id = d.id and i.open_minor > 0 and i.due_date < ${f.overdueAsOf}::date)`);
  }
  if (f.overLimitOnly) {
    // only debtors with a limit are summed: the open items of one debtor, from the open-debtor index
    where.push(tx`d.credit_limit_minor is not null and d.credit_limit_minor < (
      select coalesce(sum(i.open_minor), 0) from invoices i
      where i.debtor_id = d.id and i.open_minor <> 0
        and i.currency = (select o.default_currency from organizations o where o.id = d.org_id))`);
  }
  return where;
};

// only the conditions in use reach the SQL, so a generic plan never has to cater for absent filters
const debtorWhere = (tx: TenantTx, f: DebtorFilter) =>
  debtorConditions(tx, f).reduce((all, condition) => tx`${all} and ${condition}`, tx`true`);

export const countDebtors = async (tx: TenantTx, f: DebtorFilter): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from debtors d where ${debtorWhere(tx, f)}`;
  return row?.n ?? 0;
};

/**
 * The page's debtors in the asked order. Sorting by name or customer number walks an index; sorting by balance
 * totals every open item first (amounts in different currencies are added unconverted: a ranking, not a sum).
 */
const debtorPageSql = (tx: TenantTx, q: DebtorFilter & { limit: number; offset: number; asOf: string; sort: DebtorSortKey }) => {
  const byBalance = q.sort === "openDesc" || q.sort === "overdueDesc";
  const balances = byBalance
    ? tx`left join (
        select debtor_id, sum(open_minor) as open_minor,
               coalesce(sum(open_minor) filter (where due_date < ${q.asOf}::date), 0) as overdue_minor
        from invoices where open_minor <> 0 group by debtor_id
      ) b on b.debtor_id = d.id`
    : tx``;
  const order = {
    name: tx`d.name, d.id`,
    externalId: tx`d.external_id, d.id`,
    openDesc: tx`coalesce(b.open_minor, 0) desc, d.name, d.id`,
    overdueDesc: tx`coalesce(b.overdue_minor, 0) desc, d.name, d.id`,
  }[q.sort];
  return tx`
    select d.id, d.external_id, d.name, d.country, nullif(d.city, '') as city, d.segment, d.jurisdiction, d.sales_owner_id,
           row_number() over (order by ${order}) as position
    from debtors d ${balances}
    where ${debtorWhere(tx, q)}
    order by ${order}
    limit ${q.limit} offset ${q.offset}`;
};

export const listDebtors = async (
  tx: TenantTx,
  q: DebtorFilter & { limit: number; offset: number; asOf: string; sort?: DebtorSortKey },
): Promise<DebtorListRow[]> =>
  tx<DebtorListRow[]>`
    with page as (${debtorPageSql(tx, { ...q, sort: q.sort ?? "name" })})
    select p.id, p.external_id as "externalId", p.name, p.country, p.city, p.segment, p.jurisdiction,
      p.sales_owner_id as "salesOwnerId", u.display_name as "salesOwnerName",
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
    left join users u on u.id = p.sales_owner_id
    order by p.position`;

/** Payment terms of known debtors, by external id (to compute due dates a source does not carry). */
export const findDebtorTerms = async (tx: TenantTx, externalIds: string[]): Promise<Map<string, number>> => {
  const rows = await tx<{ externalId: string; days: number }[]>`
    select external_id as "externalId", payment_terms_days as days from debtors where external_id = any(${externalIds})`;
  return new Map(rows.map((r) => [r.externalId, r.days]));
};
