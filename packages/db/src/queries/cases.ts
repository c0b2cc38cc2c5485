import type { TenantTx } from "../database.ts";
import { salesRepSeesCaseSql } from "./case-participants.ts";

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
