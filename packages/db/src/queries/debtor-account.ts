import type { TenantTx } from "../database.ts";
import { salesRepSeesCaseSql } from "./case-participants.ts";

/** Whether the user is a sales rep of the tenant now (another tenant's user is not: memberships are the tenant's). */
export const isSalesMember = async (tx: TenantTx, userId: string): Promise<boolean> => {
  const [row] = await tx<{ found: boolean }[]>`select exists (select 1 from memberships where user_id = ${userId}::uuid and role = 'sales') as found`;
  return row!.found;
};

/** Gives the debtor to `salesOwnerId` (none: null); answers the owner before, or undefined when there is no such debtor. */
export const setDebtorSalesOwner = async (
  tx: TenantTx,
  q: { debtorId: string; salesOwnerId: string | null },
): Promise<{ previousOwnerId: string | null } | undefined> => {
  const [row] = await tx<{ previousOwnerId: string | null }[]>`
    update debtors d set sales_owner_id = ${q.salesOwnerId}::uuid, updated_at = now()
    from (select id, sales_owner_id from debtors where id = ${q.debtorId}::uuid for update) before
    where d.id = before.id
    returning before.sales_owner_id as "previousOwnerId"`;
  return row;
};

/** Sets the debtor's credit limit (none: null); answers the limit before, or undefined when there is no such debtor. */
export const setDebtorCreditLimit = async (
  tx: TenantTx,
  q: { debtorId: string; creditLimitMinor: number | null },
): Promise<{ previousMinor: number | null } | undefined> => {
  const [row] = await tx<{ previousMinor: number | null }[]>`
    update debtors d set credit_limit_minor = ${q.creditLimitMinor}, updated_at = now()
    from (select id, credit_limit_minor from debtors where id = ${q.debtorId}::uuid for update) before
    where d.id = before.id
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
