import { INVOICE_STATUSES, OPEN_ITEM_STATUSES, type Currency, type InvoiceSortKey, type InvoiceStatus, type SortDirection } from "@relance/domain";
import type postgres from "postgres";
import type { TenantTx } from "../database.ts";
import { daysPastDueSql, invoiceStatusSql } from "./invoice-status.ts";
import { containsPattern } from "./like-pattern.ts";

export interface InvoiceListFilter {
  /** Statuses to show; empty for every status. */
  statuses: readonly InvoiceStatus[];
  /** Only open items due within these dates (inclusive; either may be open): an aging bucket as of a date. */
  dueRange: { from: string | null; to: string | null } | null;
  currency: Currency | null;
  /** Bounds on the open amount, minor units, inclusive. */
  minOpenMinor: number | null;
  maxOpenMinor: number | null;
  debtorId: string | null;
  /** The owner a user filters on. */
  salesOwnerId: string | null;
  /** Access scope: only the debtors this sales rep owns. */
  ownerId: string | null;
  /** A prefix of the number or external id (as typed or upper-cased), or a fragment of the debtor's name. */
  search: string | null;
  /** The debtor's segment and jurisdiction. */
  segment?: "b2b" | "b2c" | null;
  jurisdiction?: "FR" | "CH" | null;
}

export interface InvoiceListQuery extends InvoiceListFilter {
  asOf: string;
  sort: InvoiceSortKey;
  direction: SortDirection;
  limit: number;
  offset: number;
}

export interface InvoiceListRow {
  id: string;
  number: string;
  externalId: string;
  kind: "invoice" | "credit_note";
  debtorId: string;
  debtorName: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
  /** Null once the item is settled. */
  daysPastDue: number | null;
  status: InvoiceStatus;
  /** Under an unresolved dispute (held from dunning). */
  disputed: boolean;
}

type Fragment = postgres.Fragment;

/** The smallest string above every string that starts with `prefix`, in byte (code point) order. */
export const prefixUpperBound = (prefix: string): string => {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)! + 1;
  return points.join("") + String.fromCodePoint(last >= 0xd800 && last <= 0xdfff ? 0xe000 : last);
};

/**
 * Ids of the invoices a search matches, as a union of index-served branches: prefix ranges on number and external
 * id (leakproof operators, so usable under row-level security) and the invoices of debtors whose name matches.
 */
const searchSql = (tx: TenantTx, search: string): Fragment => {
  const prefixes = [...new Set([search, search.toUpperCase()])];
  const branches: Fragment[] = prefixes.flatMap((p) => [
    tx`select x.id from invoices x where x.number ~>=~ ${p} and x.number ~<~ ${prefixUpperBound(p)}`,
    tx`select x.id from invoices x where x.external_id ~>=~ ${p} and x.external_id ~<~ ${prefixUpperBound(p)}`,
  ]);
  branches.push(tx`
    select x.id from invoices x join debtors n on n.id = x.debtor_id where n.name ilike ${containsPattern(search)}`);
  const union = branches.reduce((all, branch) => tx`${all} union ${branch}`);
  return tx`i.id in (${union})`;
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The status filter. The derived status is open or partially paid exactly when the open amount is not zero, so
 * that set (the default view) and its complement are plain amount conditions that the partial indexes serve.
 */
const statusConditions = (tx: TenantTx, f: InvoiceListFilter): Fragment[] => {
  const statuses = [...new Set(f.statuses)];
  const closed = INVOICE_STATUSES.filter((s) => !OPEN_ITEM_STATUSES.includes(s));
  if (statuses.length === 0 || statuses.length === INVOICE_STATUSES.length) return f.dueRange ? [tx`i.open_minor <> 0`] : [];
  if (sameSet(statuses, OPEN_ITEM_STATUSES)) return [tx`i.open_minor <> 0`];
  if (sameSet(statuses, closed) && !f.dueRange) return [tx`i.open_minor = 0`];
  const byStatus = tx`${invoiceStatusSql(tx)} = any(${tx.array(statuses)}::text[])`;
  // aging only concerns open items; stated outright so that the partial indexes apply
  const open = f.dueRange || statuses.every((s) => OPEN_ITEM_STATUSES.includes(s));
  return open ? [tx`i.open_minor <> 0`, byStatus] : [byStatus];
};

const conditions = (tx: TenantTx, f: InvoiceListFilter): Fragment[] => {
  const where: Fragment[] = statusConditions(tx, f);
  if (f.dueRange?.from) where.push(tx`i.due_date >= ${f.dueRange.from}::date`);
  if (f.dueRange?.to) where.push(tx`i.due_date <= ${f.dueRange.to}::date`);
  if (f.currency) where.push(tx`i.currency = ${f.currency}`);
  if (f.minOpenMinor !== null) where.push(tx`i.open_minor >= ${f.minOpenMinor}`);
  if (f.maxOpenMinor !== null) where.push(tx`i.open_minor <= ${f.maxOpenMinor}`);
  if (f.debtorId) where.push(tx`i.debtor_id = ${f.debtorId}::uuid`);
  for (const owner of [f.ownerId, f.salesOwnerId]) {
    if (owner) where.push(tx`i.debtor_id in (select o.id from debtors o where o.sales_owner_id = ${owner}::uuid)`);
  }
  if (f.search) where.push(searchSql(tx, f.search));
  if (f.segment) where.push(tx`i.debtor_id in (select s.id from debtors s where s.segment = ${f.segment})`);
  if (f.jurisdiction) where.push(tx`i.debtor_id in (select j.id from debtors j where j.jurisdiction = ${f.jurisdiction})`);
  return where;
};

const whereSql = (tx: TenantTx, f: InvoiceListFilter): Fragment =>
  conditions(tx, f).reduce((all, condition) => tx`${all} and ${condition}`, tx`true`);

/** Every order ends on the id, in the same direction, so pages are stable and the (…, id) indexes serve them. */
const orderSql = (tx: TenantTx, sort: InvoiceSortKey, direction: SortDirection): Fragment => {
  const dir = direction === "asc" ? tx`asc` : tx`desc`;
  // more days past due is an earlier due date
  const reversed = direction === "asc" ? tx`desc` : tx`asc`;
  switch (sort) {
    case "dueDate":
      return tx`i.due_date ${dir}, i.id ${dir}`;
    case "daysPastDue":
      return tx`i.due_date ${reversed}, i.id ${reversed}`;
    case "openMinor":
      return tx`i.open_minor ${dir}, i.id ${dir}`;
    case "debtorName":
      return tx`d.name ${dir}, i.id ${dir}`;
    case "number":
      return tx`i.number ${dir}, i.id ${dir}`;
  }
};

export const countInvoices = async (tx: TenantTx, f: InvoiceListFilter): Promise<number> => {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from invoices i where ${whereSql(tx, f)}`;
  return row?.n ?? 0;
};

export const listInvoices = (tx: TenantTx, q: InvoiceListQuery): Promise<InvoiceListRow[]> =>
  tx<InvoiceListRow[]>`
    select i.id, i.number, i.external_id as "externalId", i.kind, i.debtor_id as "debtorId", d.name as "debtorName",
           i.issue_date as "issueDate", i.due_date as "dueDate", i.currency, i.amount_minor as "amountMinor",
           i.open_minor as "openMinor", ${daysPastDueSql(tx, q.asOf)} as "daysPastDue", ${invoiceStatusSql(tx)} as status,
           exists (select 1 from dispute_invoices x where x.invoice_id = i.id and x.active) as disputed
    from invoices i join debtors d on d.id = i.debtor_id
    where ${whereSql(tx, q)}
    order by ${orderSql(tx, q.sort, q.direction)}
    limit ${q.limit} offset ${q.offset}`;
