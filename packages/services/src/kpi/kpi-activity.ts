import { readAgingEdges, readCollectorActivity, readDebtorsAtRisk, updateAgingEdges, withTenant, type CollectorActivityRow, type DebtorAtRiskRow } from "@relance/db";
import { AppError, bucketsFromEdges, hasRole } from "@relance/domain";
import { calendarDate, emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { parseOrThrow } from "../parse-or-throw.ts";
import { requireKpiReader } from "./kpi-access.ts";
import { agingEdgesInput, debtorsAtRiskInput, kpiPeriodInput } from "./kpi-inputs.ts";

/** Per member over a period: timeline actions, calls, promises taken, payments matched, cases closed. */
export const getCollectorActivity = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<CollectorActivityRow[]> => {
  requireKpiReader(actor);
  const v = parseOrThrow(kpiPeriodInput, input, "period");
  return withTenant(deps.db.sql, actor.orgId, (tx) => readCollectorActivity(tx, v.from, v.to));
};

/** The debtors with the most overdue money, weighted by how late it is. */
export const getDebtorsAtRisk = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<DebtorAtRiskRow[]> => {
  requireKpiReader(actor);
  const v = parseOrThrow(debtorsAtRiskInput, input ?? {}, "debtorsAtRisk");
  const asOf = v.asOf ?? calendarDate(deps.clock.now());
  return withTenant(deps.db.sql, actor.orgId, (tx) => readDebtorsAtRisk(tx, { asOf, limit: v.limit, ...v.filters }));
};

/** The tenant's aging edges; an admin changes them (validated: start at 0, strictly ascending). */
export const getAgingEdges = (deps: ServiceDeps, actor: Actor): Promise<number[]> => {
  requireKpiReader(actor);
  return withTenant(deps.db.sql, actor.orgId, (tx) => readAgingEdges(tx));
};

export const setAgingEdges = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<number[]> => {
  if (!hasRole(actor.role, ["admin"])) throw new AppError("FORBIDDEN", "Only an admin changes the aging buckets.", { key: "errors.forbidden" });
  const v = parseOrThrow(agingEdgesInput, input, "edges");
  bucketsFromEdges(v.edges);
  await withTenant(deps.db.sql, actor.orgId, (tx) => updateAgingEdges(tx, v.edges));
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  return v.edges;
};
