export { requireKpiReader } from "./kpi-access.ts";
export { agingEdgesInput, debtorsAtRiskInput, kpiFiltersSchema, kpiPeriodInput, kpiSnapshotInput, type KpiFilters, type KpiSnapshotInput } from "./kpi-inputs.ts";
export type { CurrencyKpis, DsoFigures, DsoTrendPoint, KpiSnapshot, PromiseFigures } from "./kpi-snapshot-types.ts";
export { getKpiSnapshot } from "./get-kpi-snapshot.ts";
export { rebuildKpiRollups, type KpiRebuildReport } from "./kpi-rebuild.ts";
export { getAgingEdges, getCollectorActivity, getDebtorsAtRisk, setAgingEdges } from "./kpi-activity.ts";
export { KPI_REBUILD_JOB, enqueueNightlyKpiRebuilds, runKpiRebuildJob } from "./kpi-nightly.ts";
export { getDisputeKpis, type DisputeKpis } from "./kpi-disputes.ts";
