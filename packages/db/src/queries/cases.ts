import type { TenantTx } from "../database.ts";
import { salesRepSeesCaseSql } from "./case-participants.ts";
import { containsPattern } from "./like-pattern.ts";

export interface CaseRow {
  id: string;
  debtorId: string;
  debtorName: string;
  stage: string;
  assigneeId: string | null;
  /** The sales rep who owns the case's debtor. */
  salesOwnerId: string | null;
}

const caseColumns = (tx: TenantTx) => tx`
  c.id, c.debtor_id as "debtorId", d.name as "debtorName", c.stage, c.assignee_id as "assigneeId",
  d.sales_owner_id as "salesOwnerId"`;

export const insertCases = async (
  tx: TenantTx,
  cases: { orgId: string; debtorId: string; stage: string; assigneeId: string | null }[],
): Promise<string[]> => {
  if (cases.length === 0) return [];
  const rows = await tx<{ id: string }[]>`
    insert into cases (org_id, debtor_id, stage, assignee_id)
    select org_id, debtor_id, stage, nullif(assignee, '')::uuid from unnest(
      ${tx.array(cases.map((c) => c.orgId))}::uuid[], ${tx.array(cases.map((c) => c.debtorId))}::uuid[],
      ${tx.array(cases.map((c) => c.stage))}::text[], ${tx.array(cases.map((c) => c.assigneeId ?? ""))}::text[]
    ) as t(org_id, debtor_id, stage, assignee)
    returning id`;
  return rows.map((r) => r.id);
};

export const findCase = async (tx: TenantTx, id: string): Promise<CaseRow | undefined> => {
  const [row] = await tx<CaseRow[]>`
    select ${caseColumns(tx)} from cases c join debtors d on d.id = c.debtor_id where c.id = ${id}`;
  return row;
};

/** Cases, all of them or (`visibleTo` a sales rep) those of his debtors and those he was brought into. */
export const listCases = async (tx: TenantTx, q: { limit: number; visibleTo: string | null }): Promise<CaseRow[]> =>
  tx<CaseRow[]>`
    select ${caseColumns(tx)} from cases c join debtors d on d.id = c.debtor_id
    where ${q.visibleTo === null ? tx`true` : salesRepSeesCaseSql(tx, q.visibleTo)}
    order by d.name, c.id limit ${q.limit}`;

export interface CaseListRow extends CaseRow {
  assigneeName: string | null;
  /** Unresolved disputes on the case. */
  openDisputes: number;
  /** The reader was brought into the case (mention, dispute): only meaningful for a sales rep. */
  broughtIn: boolean;
}

export interface CaseListQuery {
  /** A sales rep's id (his cases only), else null. */
  visibleTo: string | null;
  /** The reader, to tell the cases he was brought into. */
  readerId: string;
  search: string | null;
  disputedOnly: boolean;
  limit: number;
  offset: number;
}

/** A page of the cases list by debtor name, with the total of the filtered list. */
export const listCasesPage = async (tx: TenantTx, q: CaseListQuery): Promise<{ rows: CaseListRow[]; total: number }> => {
  const where = [q.visibleTo === null ? tx`true` : salesRepSeesCaseSql(tx, q.visibleTo)];
  if (q.search) where.push(tx`d.name ilike ${containsPattern(q.search)}`);
  if (q.disputedOnly) where.push(tx`exists (select 1 from disputes x where x.case_id = c.id and x.status <> 'resolved')`);
  const condition = where.reduce((all, w) => tx`${all} and ${w}`);
  const rows = await tx<(CaseListRow & { total: number })[]>`
    select ${caseColumns(tx)}, u.display_name as "assigneeName",
           (select count(*)::int from disputes x where x.case_id = c.id and x.status <> 'resolved') as "openDisputes",
           exists (select 1 from case_participants p where p.case_id = c.id and p.user_id = ${q.readerId}::uuid and p.revoked_at is null) as "broughtIn",
           count(*) over ()::int as total
    from cases c join debtors d on d.id = c.debtor_id left join users u on u.id = c.assignee_id
    where ${condition}
    order by d.name, c.id limit ${q.limit} offset ${q.offset}`;
  const total = rows[0]?.total ?? (q.offset > 0 ? (await tx<{ n: number }[]>`
    select count(*)::int as n from cases c join debtors d on d.id = c.debtor_id where ${condition}`)[0]!.n : 0);
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
};
