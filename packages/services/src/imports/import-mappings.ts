import { findImportMapping, listImportMappings, saveImportMapping, withTenant } from "@relance/db";
import { AppError, type ColumnMapping } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { columnMappingSchema } from "./column-mapping-schema.ts";

/** Saved per tenant and per source (e.g. "Sage export"), so that the next import of that source needs no mapping. */
export const saveMapping = (deps: ServiceDeps, actor: Actor, sourceName: string, mapping: ColumnMapping): Promise<void> =>
  withTenant(deps.db.sql, actor.orgId, (tx) => saveImportMapping(tx, actor.orgId, sourceName.trim(), columnMappingSchema.parse(mapping)));

export const getMapping = async (deps: ServiceDeps, orgId: string, sourceName: string): Promise<ColumnMapping> => {
  const stored = await withTenant(deps.db.sql, orgId, (tx) => findImportMapping(tx, sourceName));
  if (!stored) throw new AppError("NOT_FOUND", `No saved mapping named "${sourceName}"`, { key: "errors.notFound" });
  return columnMappingSchema.parse(stored);
};

export const listMappings = (deps: ServiceDeps, actor: Actor) => withTenant(deps.db.sql, actor.orgId, (tx) => listImportMappings(tx));
