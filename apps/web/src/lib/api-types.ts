import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpcOptions } from "./trpc.ts";

/** Output shapes of the procedures the pages render, inferred from the server's router (types only). */
type Api = typeof trpcOptions;

export type DebtorRow = inferOutput<Api["receivables"]["debtors"]>["rows"][number];
export type CaseSummary = inferOutput<Api["receivables"]["case"]>;
export type SessionSummary = inferOutput<Api["account"]["sessions"]>[number];
export type MemberSummary = inferOutput<Api["members"]["list"]>[number];
export type InvitationSummary = inferOutput<Api["members"]["invitations"]>[number];
