import { readDisputeFigures, withTenant, type DisputeFigures } from "@relance/db";
import { addDays } from "@relance/domain";
import { calendarDate, type Actor, type ServiceDeps } from "../deps.ts";
import { parseOrThrow } from "../parse-or-throw.ts";
import { requireKpiReader } from "./kpi-access.ts";
import { kpiSnapshotInput } from "./kpi-inputs.ts";

export interface DisputeKpis {
  period: { from: string; to: string };
  currencies: (DisputeFigures & { resolvedInSlaRate: number | null })[];
}

/** Dispute KPIs with the dashboard's filters and period (the 90 days ending on the as-of date by default). */
export const getDisputeKpis = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<DisputeKpis> => {
  requireKpiReader(actor);
  const v = parseOrThrow(kpiSnapshotInput, input ?? {}, "disputes");
  const asOf = v.asOf ?? calendarDate(deps.clock.now());
  const period = v.period ?? { from: addDays(asOf, -89), to: asOf };
  const figures = await withTenant(deps.db.sql, actor.orgId, (tx) => readDisputeFigures(tx, v.filters, period));
  return {
    period,
    currencies: figures.map((f) => ({
      ...f,
      resolvedInSlaRate: f.resolvedInPeriod === 0 ? null : Math.round((f.resolvedInSla / f.resolvedInPeriod) * 1000) / 10,
    })),
  };
};
