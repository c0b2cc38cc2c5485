import { escalateOverdueDisputes, findOrganizationTimeZone, insertDisputeAlert, withTenant } from "@relance/db";
import { calendarDate, emitEvent, type ServiceDeps } from "../deps.ts";
import { appendDisputeEvent } from "./dispute-access.ts";

/**
 * Escalates the tenant's unresolved disputes past their due date, once each: marks them escalated, raises an alert for
 * the owner (deduplicated per dispute and due date) and writes it on the case timeline. Run by the daily job; running
 * it again escalates nothing twice. A dispute given a new due date can be escalated again when that one runs out.
 */
export const escalateDisputes = async (deps: ServiceDeps, orgId: string, options: { asOf?: string } = {}): Promise<{ escalated: number }> => {
  const now = deps.clock.now();
  const timeZone = (await findOrganizationTimeZone(deps.db.sql, orgId)) ?? "Europe/Paris";
  const today = options.asOf ?? calendarDate(now, timeZone);
  const escalated = await withTenant(deps.db.sql, orgId, async (tx) => {
    const rows = await escalateOverdueDisputes(tx, { today, at: now });
    for (const d of rows) {
      await insertDisputeAlert(tx, {
        orgId, userId: d.ownerId, caseId: d.caseId, debtorId: d.debtorId, dueOn: today, dedupeKey: `dispute-overdue:${d.id}:${d.dueDate}`,
        payload: { disputeId: d.id, dueDate: d.dueDate, status: d.status },
      });
      await appendDisputeEvent(tx, deps, { orgId, actorId: null, dispute: d, event: "escalated", details: { dueDate: d.dueDate, status: d.status } });
    }
    return rows;
  });
  if (escalated.length > 0) emitEvent(deps, { type: "ledger.changed", orgId });
  for (const d of escalated) emitEvent(deps, { type: "dispute.changed", orgId, caseId: d.caseId, disputeId: d.id });
  return { escalated: escalated.length };
};
