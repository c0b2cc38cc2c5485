import { enqueueNightlyKpiRebuildJobs, recordJobReport, type JobRow } from "@relance/db";
import type { ServiceDeps } from "../deps.ts";
import { rebuildKpiRollups, type KpiRebuildReport } from "./kpi-rebuild.ts";

export const KPI_REBUILD_JOB = "kpi.rebuild";

/** Tonight's rebuild for every organization; enqueuing twice is harmless (one per org and local date). */
export const enqueueNightlyKpiRebuilds = (deps: ServiceDeps, orgId: string | null = null): Promise<number> =>
  enqueueNightlyKpiRebuildJobs(deps.db.sql, deps.clock.now(), orgId);

/** Runs one nightly rebuild and keeps its drift report on the job row. */
export const runKpiRebuildJob = async (deps: ServiceDeps, job: JobRow): Promise<KpiRebuildReport> => {
  if (job.orgId === null) throw new Error(`${KPI_REBUILD_JOB} job ${job.id} has no organization`);
  const report = await rebuildKpiRollups(deps, job.orgId);
  await recordJobReport(deps.db.sql, job.id, { drift: report.drift.length, repaired: report.repaired, rows: report.drift.slice(0, 100) });
  return report;
};
