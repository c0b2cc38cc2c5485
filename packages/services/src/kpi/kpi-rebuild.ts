import { findKpiRollupDrift, lockKpiRollups, repairKpiRollups, withTenant, type KpiRollupDrift } from "@relance/db";
import { calendarDate, emitEvent, type ServiceDeps } from "../deps.ts";

export interface KpiRebuildReport {
  orgId: string;
  checkedAt: string;
  /** Rollup rows that differed from a full recompute (what they held and what they should have held). */
  drift: KpiRollupDrift[];
  repaired: boolean;
}

/**
 * Recomputes a tenant's KPI rollups from the base tables, reports the rows that drifted and repairs them. Writers of
 * the tenant wait meanwhile (an exclusive advisory lock they take shared), so no change slips between check and repair.
 */
export const rebuildKpiRollups = async (deps: ServiceDeps, orgId: string, options: { dryRun?: boolean } = {}): Promise<KpiRebuildReport> => {
  const now = deps.clock.now();
  const drift = await withTenant(deps.db.sql, orgId, async (tx) => {
    await lockKpiRollups(tx, orgId);
    const found = await findKpiRollupDrift(tx);
    if (found.length > 0 && !options.dryRun) await repairKpiRollups(tx, orgId, found, calendarDate(now));
    return found;
  });
  const repaired = drift.length > 0 && !options.dryRun;
  if (repaired) emitEvent(deps, { type: "ledger.changed", orgId });
  return { orgId, checkedAt: now.toISOString(), drift, repaired };
};
