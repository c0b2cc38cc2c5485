import type { ColumnMapping } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import type { FileSource } from "./file-source.ts";
import { importCamt } from "./import-camt.ts";
import { importFec } from "./import-fec.ts";
import { importOpenItemsCsv } from "./import-open-items-csv.ts";
import { getMapping } from "./import-mappings.ts";
import type { ImportSummary } from "./run-import.ts";

export type ImportRequest =
  | { kind: "csv"; mapping?: ColumnMapping | undefined; mappingName?: string | undefined; sheet?: string | null | undefined }
  | { kind: "fec"; accountPrefix: string; defaultTermsDays: number }
  | { kind: "camt" };

export interface ImportFileInput {
  source: FileSource;
  asOf: string;
  acceptValidRows: boolean;
  clientRef?: string | null;
  request: ImportRequest;
}

/** One entry point for every import, whether it comes from the browser, the CLI or a benchmark. */
export const importFile = async (deps: ServiceDeps, actor: Actor | { orgId: string; userId: null }, input: ImportFileInput): Promise<ImportSummary> => {
  const { request, ...common } = input;
  switch (request.kind) {
    case "csv": {
      const mapping = request.mapping ?? (request.mappingName ? await getMapping(deps, actor.orgId, request.mappingName) : undefined);
      return importOpenItemsCsv(deps, actor, { ...common, mapping, sheet: request.sheet });
    }
    case "fec":
      return importFec(deps, actor, { ...common, accountPrefix: request.accountPrefix, defaultTermsDays: request.defaultTermsDays });
    case "camt":
      return importCamt(deps, actor, common);
  }
};
