import type { TenantTx } from "../database.ts";

export interface SalesOwnerRow {
  userId: string;
  displayName: string;
}

/** The members who own debtors or may (sales reps), for the owner filters; former members are not listed. */
export const listSalesOwners = (tx: TenantTx): Promise<SalesOwnerRow[]> =>
  tx<SalesOwnerRow[]>`
    select u.id as "userId", u.display_name as "displayName"
    from users u
    where u.id in (select m.user_id from memberships m where m.role = 'sales')
       or u.id in (select d.sales_owner_id from debtors d where d.sales_owner_id is not null)
    order by u.display_name, u.id`;
