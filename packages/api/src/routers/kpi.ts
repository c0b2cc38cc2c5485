import { KPI_ROLES } from "@relance/domain";
import {
  agingEdgesInput, debtorsAtRiskInput, getAgingEdges, getCollectorActivity, getDebtorsAtRisk, getDisputeKpis, getKpiSnapshot, kpiPeriodInput, kpiSnapshotInput,
  setAgingEdges,
} from "@relance/services";
import { z } from "zod";
import { collectorActivityOutput, debtorsAtRiskOutput, disputeKpisOutput, kpiSnapshotOutput } from "../kpi-schemas.ts";
import { roleProcedure, router } from "../trpc.ts";

/** Tenant-wide figures: admin, credit manager, billing and the read-only manager; sales reps are refused. */
const reader = roleProcedure(KPI_ROLES);

export const kpiRouter = router({
  /** Totals, overdue, aging, DSO/BPDSO/ADD/CEI, DSO trend, cash-in forecast and promises, per currency. */
  snapshot: reader.input(kpiSnapshotInput).output(kpiSnapshotOutput).query(({ ctx, input }) => getKpiSnapshot(ctx.deps, ctx.actor, input)),
  /** What each member did over a period. */
  collectors: reader.input(kpiPeriodInput).output(collectorActivityOutput).query(({ ctx, input }) => getCollectorActivity(ctx.deps, ctx.actor, input)),
  /** The debtors with the most overdue money, weighted by age. */
  debtorsAtRisk: reader.input(debtorsAtRiskInput).output(debtorsAtRiskOutput).query(({ ctx, input }) => getDebtorsAtRisk(ctx.deps, ctx.actor, input)),
  /** Dispute count, amount, age, funnel, reasons, time waiting per party, resolved within SLA. */
  disputes: reader.input(kpiSnapshotInput).output(disputeKpisOutput).query(({ ctx, input }) => getDisputeKpis(ctx.deps, ctx.actor, input)),
  agingEdges: reader.output(z.array(z.number().int())).query(({ ctx }) => getAgingEdges(ctx.deps, ctx.actor)),
  /** Admin only (checked by the service). */
  setAgingEdges: reader.input(agingEdgesInput).output(z.array(z.number().int())).mutation(({ ctx, input }) => setAgingEdges(ctx.deps, ctx.actor, input)),
});
