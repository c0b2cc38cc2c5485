import {
  enterTenant,
  finishImportRun,
  insertImportRun,
  insertRejections,
  withTenant,
  type DatabaseMode,
  type ImportKind,
  type ImportStatus,
  type RejectionRow,
  type TenantTx,
} from "@relance/db";
import { isAppError } from "@relance/domain";
import { emitEvent, type Actor, type ServiceDeps } from "../deps.ts";

/** At most this many rejected rows are kept per import (the count is always exact). */
export const MAX_STORED_REJECTIONS = 10_000;
const PROGRESS_EVERY_MS = 250;

export interface ImportSummary {
  importId: string;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  /** The first rejections, each with its line or XML path, field and reason. */
  rejections: RejectionRow[];
  details: Record<string, number | string>;
}

export interface ImportWork {
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  rejections: RejectionRow[];
  details: Record<string, number | string>;
}

/** Thrown inside the transaction to undo it when the file has errors and the user did not accept the valid rows. */
class RollbackImport extends Error {
  constructor(readonly work: ImportWork) {
    super("import rolled back");
  }
}

export interface ImportContext {
  tx: TenantTx;
  /** Which database serves: PostgreSQL takes COPY, PGlite does not. */
  mode: DatabaseMode;
  importId: string;
  /** Reports progress (coalesced) to the user who started the import. */
  progress(p: { rowsRead: number; rowsRejected: number; bytesRead: number }): void;
  /** Rejects one row with all its problems, keeping them for the report within the stored maximum. */
  reject(problems: RejectionRow[], work: ImportWork): void;
}

export const newWork = (): ImportWork => ({ rowsTotal: 0, rowsImported: 0, rowsRejected: 0, rejections: [], details: {} });

/**
 * Runs one import as one transaction: the run is recorded first (so it shows while running), the work happens in a
 * tenant transaction that is rolled back whole when rows were rejected and `acceptValidRows` is false, and the
 * outcome with its rejections is recorded afterwards, whatever happened.
 */
export const runImport = async (
  deps: ServiceDeps,
  actor: Actor | { orgId: string; userId: null },
  run: { kind: ImportKind; fileName: string; asOf: string; totalBytes: number | null; acceptValidRows: boolean; clientRef?: string | null | undefined },
  work: (ctx: ImportContext) => Promise<ImportWork>,
): Promise<ImportSummary> => {
  const { orgId, userId } = actor;
  const clientRef = run.clientRef ?? null;
  const importId = await withTenant(deps.db.sql, orgId, (tx) =>
    insertImportRun(tx, { orgId, kind: run.kind, fileName: run.fileName, asOf: run.asOf, createdBy: userId }),
  );
  let lastProgress = 0;
  const progress: ImportContext["progress"] = (p) => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    emitEvent(deps, { type: "import.progress", orgId, userId, importId, clientRef, kind: run.kind, totalBytes: run.totalBytes, ...p });
  };
  const reject: ImportContext["reject"] = (problems, w) => {
    w.rowsRejected += 1;
    for (const problem of problems) if (w.rejections.length < MAX_STORED_REJECTIONS) w.rejections.push(problem);
  };

  let result: ImportWork;
  let status: ImportStatus;
  let failure: unknown = null;
  try {
    result = await deps.db.sql.begin(async (raw) => {
      const done = await work({ tx: await enterTenant(raw, orgId), mode: deps.db.mode, importId, progress, reject });
      if (done.rowsRejected > 0 && !run.acceptValidRows) throw new RollbackImport(done);
      return done;
    });
    status = result.rowsRejected > 0 ? "partial" : "succeeded";
  } catch (error) {
    if (error instanceof RollbackImport) {
      result = { ...error.work, rowsImported: 0 };
      status = "rejected";
    } else {
      failure = error;
      const message = isAppError(error) ? error.message : "The import failed; nothing was written.";
      result = { ...newWork(), rowsRejected: 0, rejections: [{ line: null, path: null, field: null, message }] };
      status = "failed";
    }
  }
  await withTenant(deps.db.sql, orgId, async (tx) => {
    await finishImportRun(tx, importId, { status, ...result, summary: result.details });
    await insertRejections(tx, orgId, importId, result.rejections);
  });
  emitEvent(deps, { type: "import.finished", orgId, userId, importId, clientRef, status });
  if (status === "succeeded" || status === "partial") emitEvent(deps, { type: "ledger.changed", orgId });
  if (failure && !isAppError(failure)) throw failure;
  return {
    importId,
    kind: run.kind,
    fileName: run.fileName,
    status,
    rowsTotal: result.rowsTotal,
    rowsImported: result.rowsImported,
    rowsRejected: result.rowsRejected,
    rejections: result.rejections.slice(0, 100),
    details: result.details,
  };
};
