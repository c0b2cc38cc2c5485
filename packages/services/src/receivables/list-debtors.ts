import { countDebtors, listDebtors, listSalesOwners, withTenant, type DebtorListRow, type SalesOwnerRow } from "@relance/db";
import type { Country, DebtorSortKey } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { calendarDate } from "../deps.ts";

export interface DebtorPage {
  total: number;
  rows: DebtorListRow[];
}

export interface DebtorPageQuery {
  search: string | null;
  page: number;
  pageSize: number;
  sort?: DebtorSortKey;
  segment?: "b2b" | "b2c" | null;
  jurisdiction?: Country | null;
  /** Only the debtors this member owns. */
  ownerId?: string | null;
  /** Only the debtors with an invoice past due today. */
  overdueOnly?: boolean;
  /** Only the debtors who owe more than their credit limit. */
  overLimitOnly?: boolean;
}

/** A sales rep sees only the debtors they own; the other roles see the tenant's whole book. */
export const listDebtorsPage = (deps: ServiceDeps, actor: Actor, q: DebtorPageQuery): Promise<DebtorPage> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const asOf = calendarDate(deps.clock.now());
    const filter = {
      search: q.search,
      ownerId: actor.role === "sales" ? actor.userId : null,
      salesOwnerId: q.ownerId ?? null,
      segment: q.segment ?? null,
      jurisdiction: q.jurisdiction ?? null,
      overdueAsOf: q.overdueOnly ? asOf : null,
      overLimitOnly: q.overLimitOnly ?? false,
    };
    const [total, rows] = [
      await countDebtors(tx, filter),
      await listDebtors(tx, { ...filter, sort: q.sort ?? "name", limit: q.pageSize, offset: q.page * q.pageSize, asOf }),
    ];
    return { total, rows };
  });

/** Who the owner filters offer: the tenant's sales reps and current owners; a sales rep is offered only himself. */
export const listDebtorOwners = async (deps: ServiceDeps, actor: Actor): Promise<SalesOwnerRow[]> => {
  const owners = await withTenant(deps.db.sql, actor.orgId, (tx) => listSalesOwners(tx));
  return actor.role === "sales" ? owners.filter((o) => o.userId === actor.userId) : owners;
};
