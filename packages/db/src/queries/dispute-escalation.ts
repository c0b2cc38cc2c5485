import type { TenantTx } from "../database.ts";

export interface OverdueDisputeRow {
  id: string;
  caseId: string;
  debtorId: string;
  ownerId: string | null;
  dueDate: string;
  status: string;
}

/**
 * Marks every unresolved dispute whose due date is before `today` as escalated, once: a dispute already escalated is
 * not taken again (until its due date is moved). Returns the disputes escalated by this call.
 */
export const escalateOverdueDisputes = (tx: TenantTx, q: { today: string; at: Date }): Promise<OverdueDisputeRow[]> =>
  tx<OverdueDisputeRow[]>`
    update disputes set escalated_at = ${q.at}, updated_at = ${q.at}
    where status <> 'resolved' and escalated_at is null and due_date < ${q.today}::date
    returning id, case_id as "caseId", debtor_id as "debtorId", owner_id as "ownerId", due_date as "dueDate", status`;
