import type { TenantTx } from "../database.ts";
import { salesRepSeesCaseSql } from "./case-participants.ts";

/** Whether the user is a sales rep of the tenant now (another tenant's user is not: memberships are the tenant's). */
export const isSalesMember = async (tx: TenantTx, userId: string): Promise<boolean> => {
  const [row] = await tx<{ found: boolean }[]>`select exists (select 1 from memberships where user_id = ${userId}::uuid and role = 'sales') as found`;
  return row!.found;
};

/**
 * Gives the debtor to `salesOwnerId` (none: null) and answers the owner before, read under the row's lock (his name
 * null when he is no longer a member); undefined, and nothing written, when the debtor had that owner already.
 */
export const setDebtorSalesOwner = async (
  tx: TenantTx,
  q: { debtorId: string; salesOwnerId: string | null },
): Promise<{ previousOwnerId: string | null; previousOwnerName: string | null } | undefined> => {
  const [row] = await tx<{ previousOwnerId: string | null; previousOwnerName: string | null }[]>`
    update debtors d set sales_owner_id = ${q.salesOwnerId}::uuid, updated_at = now()
    from (select id, sales_owner_id from debtors where id = ${q.debtorId}::uuid for update) before
    where d.id = before.id and before.sales_owner_id is distinct from ${q.salesOwnerId}::uuid
    returning before.sales_owner_id as "previousOwnerId",
              (select u.display_name from users u where u.id = before.sales_owner_id) as "previousOwnerName"`;
  return row;
};

/**
 * Sets the debtor's credit limit (none: null) and answers the limit before, read under the row's lock; undefined, and
 * nothing written, when the debtor had that limit already.
 */
export const setDebtorCreditLimit = async (
  tx: TenantTx,
  q: { debtorId: string; creditLimitMinor: number | null },
): Promise<{ previousMinor: number | null } | undefined> => {
  const [row] = await tx<{ previousMinor: number | null }[]>`
    update debtors d set credit_limit_minor = ${q.creditLimitMinor}::bigint, updated_at = now()
    from (select id, credit_limit_minor from debtors where id = ${q.debtorId}::uuid for update) before
    where d.id = before.id and before.credit_limit_minor is distinct from ${q.creditLimitMinor}::bigint
    returning before.credit_limit_minor as "previousMinor"`;
  return row;
};

/** The debtor's cases that the sales rep `userId` does not see (under the one rule, salesRepSeesCaseSql) now. */
export const listDebtorCasesHiddenFrom = async (tx: TenantTx, q: { debtorId: string; userId: string }): Promise<string[]> => {
  const rows = await tx<{ id: string }[]>`
    select c.id from cases c join debtors d on d.id = c.debtor_id
    where c.debtor_id = ${q.debtorId}::uuid and not ${salesRepSeesCaseSql(tx, q.userId)}`;
  return rows.map((r) => r.id);
};
