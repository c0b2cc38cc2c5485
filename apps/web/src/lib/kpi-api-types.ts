import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import type { trpcOptions } from "./trpc.ts";

type Api = typeof trpcOptions;

export type KpiSnapshot = inferOutput<Api["kpi"]["snapshot"]>;
export type CurrencyKpis = KpiSnapshot["currencies"][number];
export type AgingBucketFigure = CurrencyKpis["aging"][number];
export type KpiSnapshotRequest = inferInput<Api["kpi"]["snapshot"]>;
export type CollectorActivity = inferOutput<Api["kpi"]["collectors"]>[number];
export type DebtorAtRisk = inferOutput<Api["kpi"]["debtorsAtRisk"]>[number];
export type DisputeKpis = inferOutput<Api["kpi"]["disputes"]>;
export type CurrencyDisputeKpis = DisputeKpis["currencies"][number];
