import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import type { trpcOptions } from "./trpc.ts";

/** Shapes of the import and matching procedures, inferred from the server's router (types only). */
type Api = typeof trpcOptions;

export type CsvPreview = inferOutput<Api["imports"]["preview"]>;
export type ColumnMappingDraft = NonNullable<inferInput<Api["imports"]["preview"]>["mapping"]>;
export type MappingOptions = CsvPreview["mapping"]["options"];
export type CanonicalColumnInfo = inferOutput<Api["imports"]["columns"]>[number];
export type ImportRun = inferOutput<Api["imports"]["list"]>[number];
export type ImportRejection = inferOutput<Api["imports"]["get"]>["rejections"][number];
export type QueuedPayment = inferOutput<Api["payments"]["queue"]>["payments"][number];
export type InvoiceChoice = QueuedPayment["suggestions"][number];

export type ImportKind = ImportRun["kind"];
export type ImportStatus = ImportRun["status"];
