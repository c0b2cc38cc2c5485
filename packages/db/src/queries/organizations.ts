import type { Country, Currency } from "@relance/domain";
import type { Queryable, TenantTx } from "../database.ts";

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
  country: Country;
  defaultCurrency: Currency;
  sessionIdleTimeoutMinutes: number;
}

const columns = (sql: Queryable) =>
  sql`id, slug, name, country, default_currency as "defaultCurrency", session_idle_timeout_minutes as "sessionIdleTimeoutMinutes"`;

export const insertOrganization = async (
  sql: Queryable,
  org: { slug: string; name: string; country: Country; defaultCurrency: Currency },
): Promise<OrganizationRow> => {
  const [row] = await sql<OrganizationRow[]>`
    insert into organizations (slug, name, country, default_currency)
    values (${org.slug}, ${org.name}, ${org.country}, ${org.defaultCurrency})
    returning ${columns(sql)}`;
  return row!;
};

export const findOrganizationBySlug = async (sql: Queryable, slug: string): Promise<OrganizationRow | undefined> => {
  const [row] = await sql<OrganizationRow[]>`select ${columns(sql)} from organizations where slug = ${slug}`;
  return row;
};

/** The tenant's own organization (row-level security leaves exactly one visible). */
export const getCurrentOrganization = async (tx: TenantTx): Promise<OrganizationRow> => {
  const [row] = await tx<OrganizationRow[]>`select ${columns(tx)} from organizations`;
  if (!row) throw new Error("No organization visible in this tenant transaction");
  return row;
};

export const updateSessionIdleTimeout = async (tx: TenantTx, minutes: number): Promise<void> => {
  await tx`update organizations set session_idle_timeout_minutes = ${minutes}`;
};

export const countOrganizations = async (sql: Queryable): Promise<number> => {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from organizations`;
  return row?.n ?? 0;
};
