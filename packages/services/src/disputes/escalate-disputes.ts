import { escalateOverdueDisputes, findOrganizationTimeZone, insertAlertsIfNew, withTenant, type AlertRow } from "@relance/db";
import { calendarDate, emitEvent, type ServiceDeps } from "../deps.ts";
import { toCollectionAlert } from "../collection/alerts/raise-alerts.ts";
import { appendDisputeEvent } from "./dispute-access.ts";

/**
 * Escalates the tenant's unresolved disputes past their due date, once each: marks them escalated, raises an alert for
 * the owner (deduplicated per dispute and due date; pushed live and in the daily digest like the collection alerts)
 * and writes it on the case timeline. Run by the daily job; running it again escalates nothing twice. A dispute given
 * a new due date can be escalated again when that one runs out.
 */
export const escalateDisputes = async (deps: ServiceDeps, orgId: string, options: { asOf?: string } = {}): Promise<{ escalated: number }> => {
  const now = deps.clock.now();
  const timeZone = (await findOrganizationTimeZone(deps.db.sql, orgId)) ?? "Europe/Paris";
  const today = options.asOf ?? calendarDate(now, timeZone);
  const { escalated, alerts } = await withTenant(deps.db.sql, orgId, async (tx) => {
    const rows = await escalateOverdueDisputes(tx, { today, at: now });
    const raised = await insertAlertsIfNew(
      tx,
      rows.flatMap((d) =>
        d.ownerId === null
          ? []
          : [{ orgId, userId: d.ownerId, kind: "dispute_overdue", caseId: d.caseId, debtorId: d.debtorId, dueOn: d.dueDate, dedupeKey: `dispute-overdue:${d.id}:${d.dueDate}`, payload: { disputeId: d.id, status: d.status } }],
      ),
    );
    for (const d of rows) {
      await appendDisputeEvent(tx, deps, { orgId, actorId: null, dispute: d, event: "escalated", details: { dueDate: d.dueDate, status: d.status } });
    }
    return { escalated: rows, alerts: raised };
  });
  if (escalated.length > 0) emitEvent(deps, { type: "ledger.changed", orgId });
  for (const d of escalated) emitEvent(deps, { type: "dispute.changed", orgId, caseId: d.caseId, disputeId: d.id });
  const byUser = new Map<string, AlertRow[]>();
  for (const a of alerts) if (a.userId !== null) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
  for (const [userId, rows] of byUser) emitEvent(deps, { type: "alerts.raised", orgId, userId, alerts: rows.map(toCollectionAlert) });
  return { escalated: escalated.length };
};
