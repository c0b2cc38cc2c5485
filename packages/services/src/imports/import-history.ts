import { findImportRun, listImportRuns, listRejections, withTenant } from "@relance/db";
import { AppError } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";

export const listImports = (deps: ServiceDeps, actor: Actor) => withTenant(deps.db.sql, actor.orgId, (tx) => listImportRuns(tx, 50));

/** One import with a page of its rejected rows; another tenant's import is not found. */
export const getImport = (deps: ServiceDeps, actor: Actor, input: { importId: string; offset: number; limit: number }) =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const run = await findImportRun(tx, input.importId);
    if (!run) throw new AppError("NOT_FOUND", "Import not found", { key: "errors.notFound" });
    return { run, rejections: await listRejections(tx, input.importId, input.limit, input.offset) };
  });
