import type { TenantTx } from "../database.ts";
import type { DebtorContactRow } from "./debtor-detail.ts";

export type DebtorContactFields = Omit<DebtorContactRow, "id">;

const CONTACT_COLUMNS = `id, name, role, email, phone, preferred_channel as "preferredChannel", language`;

/**
 * Where a message reaches the debtor `debtor` (an alias of debtors in the caller's query) when the debtor has no
 * address or number of its own: a contact's, the accounts-payable contacts first, then the longest known.
 */
export const contactReachOf = (tx: TenantTx, debtor: string, field: "email" | "phone") =>
  tx`(select dc.${tx.unsafe(field)} from debtor_contacts dc where dc.debtor_id = ${tx.unsafe(debtor)}.id and dc.${tx.unsafe(field)} is not null
      order by dc.role = 'accounts_payable' desc, dc.created_at, dc.id limit 1)`;

/** The debtor's contacts, by name. */
export const listDebtorContacts = (tx: TenantTx, debtorId: string): Promise<DebtorContactRow[]> =>
  tx<DebtorContactRow[]>`select ${tx.unsafe(CONTACT_COLUMNS)} from debtor_contacts where debtor_id = ${debtorId}::uuid order by name, id`;

/** Adds a contact to the tenant's debtor; no row when the debtor is not the tenant's (row-level security hides it). */
export const insertDebtorContact = async (
  tx: TenantTx,
  c: DebtorContactFields & { orgId: string; debtorId: string },
): Promise<DebtorContactRow | undefined> => {
  const [row] = await tx<DebtorContactRow[]>`
    insert into debtor_contacts (org_id, debtor_id, name, role, email, phone, preferred_channel, language)
    select ${c.orgId}, d.id, ${c.name}, ${c.role}, ${c.email}, ${c.phone}, ${c.preferredChannel}, ${c.language}
    from debtors d where d.id = ${c.debtorId}
    returning ${tx.unsafe(CONTACT_COLUMNS)}`;
  return row;
};

/** Rewrites a contact of the debtor; no row when there is no such contact of that debtor in the tenant. */
export const updateDebtorContact = async (
  tx: TenantTx,
  c: DebtorContactFields & { debtorId: string; contactId: string },
): Promise<DebtorContactRow | undefined> => {
  const [row] = await tx<DebtorContactRow[]>`
    update debtor_contacts set name = ${c.name}, role = ${c.role}, email = ${c.email}, phone = ${c.phone},
      preferred_channel = ${c.preferredChannel}, language = ${c.language}
    where id = ${c.contactId} and debtor_id = ${c.debtorId}
    returning ${tx.unsafe(CONTACT_COLUMNS)}`;
  return row;
};

/** Removes a contact of the debtor; false when there was none. */
export const deleteDebtorContact = async (tx: TenantTx, q: { debtorId: string; contactId: string }): Promise<boolean> => {
  const rows = await tx`delete from debtor_contacts where id = ${q.contactId} and debtor_id = ${q.debtorId} returning id`;
  return rows.length > 0;
};
