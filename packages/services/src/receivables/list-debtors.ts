import { countDebtors, listDebtors, withTenant, type DebtorListRow } from "@relance/db";
import type { Actor, ServiceDeps } from "../deps.ts";
import { calendarDate } from "../deps.ts";

export interface DebtorPage {
  total: number;
  rows: DebtorListRow[];
}

/** A sales rep sees only the debtors they own; the other roles see the tenant's whole book. */
export const listDebtorsPage = (
  deps: ServiceDeps,
  actor: Actor,
  q: { search: string | null; page: number; pageSize: number },
): Promise<DebtorPage> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const filter = { search: q.search, ownerId: actor.role === "sales" ? actor.userId : null };
    const [total, rows] = [
      await countDebtors(tx, filter),
      await listDebtors(tx, { ...filter, limit: q.pageSize, offset: q.page * q.pageSize, asOf: calendarDate(deps.clock.now()) }),
    ];
    return { total, rows };
  });
