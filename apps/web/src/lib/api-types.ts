import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpcOptions } from "./trpc.ts";

/** Output shapes of the procedures the pages render, inferred from the server's router (types only). */
type Api = typeof trpcOptions;

export type SessionSummary = inferOutput<Api["account"]["sessions"]>[number];
export type MemberSummary = inferOutput<Api["members"]["list"]>[number];
export type InvitationSummary = inferOutput<Api["members"]["invitations"]>[number];

export type DebtorListRow = inferOutput<Api["debtors"]["list"]>["rows"][number];
export type DebtorDetail = inferOutput<Api["debtors"]["get"]>;
export type DebtorOpenItem = DebtorDetail["openItems"][number];
export type DebtorPayment = DebtorDetail["payments"][number];
export type DebtorAging = DebtorDetail["aging"][number];
export type SalesOwner = inferOutput<Api["debtors"]["owners"]>[number];
export type InvoiceRow = inferOutput<Api["invoices"]["list"]>["rows"][number];
export type SavedViewSummary = inferOutput<Api["views"]["list"]>[number];
/** Everything the invoice list is asked for except the page: what a saved view holds. */
export type InvoiceView = SavedViewSummary["filters"];
