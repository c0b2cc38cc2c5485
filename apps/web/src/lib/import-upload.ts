import type { ColumnMappingDraft, ImportKind, ImportRejection } from "./ledger-api-types.ts";

/** What `POST /api/imports` answers once the whole file has been read (or refused). */
export interface ImportSummary {
  importId: string;
  kind: ImportKind;
  fileName: string;
  status: "succeeded" | "partial" | "rejected" | "failed";
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  /** The first rejections only; the import's page lists them all. */
  rejections: ImportRejection[];
  details: Record<string, number | string>;
}

/** What the user chose: the file, its kind and the kind's options. */
export type ImportUploadInput = {
  file: File;
  asOf: string;
  acceptValidRows: boolean;
} & (
  | { kind: "csv"; mapping: ColumnMappingDraft | null; sheet: string | null }
  | { kind: "fec"; accountPrefix: string; defaultTermsDays: number }
  | { kind: "camt" }
);

/** `clientRef`: our id for this upload; the progress events carry it back. */
export type ImportUploadRequest = ImportUploadInput & { clientRef: string };

/** The import was refused before it ran (bad request, signed out, wrong role) or the server could not be reached. */
export class ImportUploadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ImportUploadError";
  }
}

/** The `x-relance-mapping` header: base64url of the JSON's UTF-8 bytes (header values are ASCII; column names often are not). */
export const encodeMappingHeader = (value: unknown): string => {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

export const importUrl = (request: ImportUploadRequest): string => {
  const params = new URLSearchParams({
    kind: request.kind,
    fileName: request.file.name,
    asOf: request.asOf,
    acceptValidRows: String(request.acceptValidRows),
    clientRef: request.clientRef,
  });
  if (request.kind === "csv" && request.sheet !== null) params.set("sheet", request.sheet);
  if (request.kind === "fec") {
    params.set("accountPrefix", request.accountPrefix);
    params.set("defaultTermsDays", String(request.defaultTermsDays));
  }
  return `/api/imports?${params.toString()}`;
};

const isSummary = (body: unknown): body is ImportSummary =>
  typeof body === "object" && body !== null && typeof (body as ImportSummary).importId === "string" && Array.isArray((body as ImportSummary).rejections);

const errorOf = (body: unknown): { code?: string; message?: string; fields?: { path: string; message: string }[] } | null =>
  typeof body === "object" && body !== null && "error" in body && typeof body.error === "object" && body.error !== null ? body.error : null;

/**
 * Streams the file as the request body (the browser never holds it in memory) and waits for the import's summary.
 * Same origin: the session cookie and the Origin header go with it.
 */
export const uploadImport = async (request: ImportUploadRequest, signal?: AbortSignal): Promise<ImportSummary> => {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (request.kind === "csv" && request.mapping) headers["x-relance-mapping"] = encodeMappingHeader(request.mapping);
  let response: Response;
  try {
    response = await fetch(importUrl(request), { method: "POST", headers, body: request.file, credentials: "same-origin", signal: signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ImportUploadError("network", null, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && isSummary(body)) return body;
  const error = errorOf(body);
  throw new ImportUploadError(error?.message ?? `HTTP ${response.status}`, response.status, error?.code ?? null, error?.fields ?? []);
};
