import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpcOptions } from "./trpc.ts";

/** Shapes of the case and worklist procedures, inferred from the server's router (types only). */
type Api = typeof trpcOptions;

export type CaseDetail = inferOutput<Api["cases"]["get"]>;
export type TimelineEvent = inferOutput<Api["cases"]["timeline"]>["events"][number];
export type WorklistRow = inferOutput<Api["worklist"]["list"]>["rows"][number];

export const CASE_STAGES = ["reminder_1", "reminder_2", "formal_notice", "pre_litigation", "legal_injonction", "legal_poursuite", "closed"] as const;
export const CLOSE_REASONS = ["paid", "settled", "written_off"] as const;
export const CALL_OUTCOMES = ["reached", "no_answer", "wrong_number", "callback"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const isCaseStage = (s: unknown): s is CaseStage => (CASE_STAGES as readonly unknown[]).includes(s);
