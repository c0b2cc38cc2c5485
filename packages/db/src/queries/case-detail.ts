import type { TenantTx } from "../database.ts";

export interface CaseDetailRow {
  id: string;
  debtorId: string;
  debtorName: string;
  stage: string;
  status: "open" | "closed";
  closedReason: "paid" | "settled" | "written_off" | null;
  priority: number;
  nextActionDate: string | null;
  tags: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  /** The sales rep who owns the case's debtor. */
  salesOwnerId: string | null;
}

export interface CaseInvoiceRow {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amountMinor: number;
  openMinor: number;
  /** Under an unresolved dispute (held from dunning). */
  disputed: boolean;
}

const detailColumns = (tx: TenantTx) => tx`
  c.id, c.debtor_id as "debtorId", d.name as "debtorName", c.stage, c.status, c.closed_reason as "closedReason",
  c.priority, c.next_action_date as "nextActionDate", c.tags, c.assignee_id as "assigneeId", u.display_name as "assigneeName",
  d.sales_owner_id as "salesOwnerId"`;

export const findCaseDetail = async (tx: TenantTx, id: string): Promise<CaseDetailRow | undefined> => {
  const [row] = await tx<CaseDetailRow[]>`
    select ${detailColumns(tx)} from cases c join debtors d on d.id = c.debtor_id left join users u on u.id = c.assignee_id
    where c.id = ${id}`;
  return row;
};

/** The case, locked so that two changes of one case are applied one after the other. */
export const findCaseDetailForUpdate = async (tx: TenantTx, id: string): Promise<CaseDetailRow | undefined> => {
  await tx`select 1 from cases where id = ${id} for update`;
  return findCaseDetail(tx, id);
};

/** The debtor's invoices with money still open, oldest due first. */
export const listCaseOpenInvoices = (tx: TenantTx, debtorId: string): Promise<CaseInvoiceRow[]> =>
  tx<CaseInvoiceRow[]>`
    select i.id, i.number, i.issue_date as "issueDate", i.due_date as "dueDate", i.currency, i.amount_minor as "amountMinor",
           i.open_minor as "openMinor",
           exists (select 1 from dispute_invoices x where x.invoice_id = i.id and x.active) as disputed
    from invoices i
    where i.debtor_id = ${debtorId} and i.kind = 'invoice' and i.open_minor > 0
    order by i.due_date, i.number`;

export const updateCaseStage = async (
  tx: TenantTx,
  id: string,
  change: { stage: string; status: "open" | "closed"; closedReason: string | null },
): Promise<void> => {
  await tx`
    update cases set stage = ${change.stage}, status = ${change.status}, closed_reason = ${change.closedReason}, updated_at = now()
    where id = ${id}`;
};

/** Sets the fields given; a field left undefined keeps its value (`nextActionDate: null` clears the date). */
export const updateCaseFields = async (
  tx: TenantTx,
  id: string,
  fields: { priority?: number; nextActionDate?: string | null; tags?: string[] },
): Promise<void> => {
  await tx`
    update cases set
      priority = case when ${fields.priority !== undefined} then ${fields.priority ?? 0}::int else priority end,
      next_action_date = case when ${fields.nextActionDate !== undefined} then ${fields.nextActionDate ?? null}::date else next_action_date end,
      tags = case when ${fields.tags !== undefined} then ${tx.array(fields.tags ?? [])}::text[] else tags end,
      updated_at = now()
    where id = ${id}`;
};
