import { AppError, createRecordMapper, type ColumnMapping, type CsvRecord, type MapRecordResult } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import type { FileSource } from "./file-source.ts";
import { toOpenItemRow } from "./open-item-rows.ts";
import { isBlankRecord } from "./read-csv-records.ts";
import { readTabularRecords } from "./read-tabular-records.ts";
import { DATE_SAMPLE_SIZE, mappingForHeader, settleDateFormat } from "./resolve-mapping.ts";
import { newWork, runImport, type ImportContext, type ImportSummary } from "./run-import.ts";
import { createStagedWriter } from "./stage-open-items.ts";

export interface CsvImportInput {
  source: FileSource;
  /** Omitted: the canonical column names (and their usual French synonyms) are recognised from the header. */
  mapping?: ColumnMapping | undefined;
  /** A workbook's sheet by name; the first sheet when omitted. */
  sheet?: string | null | undefined;
  asOf: string;
  acceptValidRows: boolean;
  clientRef?: string | null;
}

/** The streaming state of one CSV import: header, settled mapping, rows staged as they come. */
const createCsvImporter = async (ctx: ImportContext, given: ColumnMapping | undefined, target: { orgId: string; asOf: string; acceptValidRows: boolean }) => {
  const work = newWork();
  const writer = await createStagedWriter(ctx, work, { ...target, updateDebtors: true });
  let header: string[] | null = null;
  let mapper: ((record: CsvRecord) => MapRecordResult) | null = null;
  const sample: CsvRecord[] = [];

  const mapOne = async (record: CsvRecord) => {
    work.rowsTotal += 1;
    const result = mapper!(record);
    if (!result.ok) {
      ctx.reject(result.errors.map((e) => ({ line: e.line, path: e.column, field: e.field, message: e.message })), work);
      return;
    }
    work.rowsImported += 1;
    await writer.add(toOpenItemRow(result.row), record.line);
  };
  const startMapping = async () => {
    const mapping = settleDateFormat(header!, mappingForHeader(header!, given), sample);
    mapper = createRecordMapper(header!, mapping);
    for (const record of sample.splice(0)) await mapOne(record);
  };
  return {
    work,
    accept: async (record: CsvRecord) => {
      if (isBlankRecord(record)) return;
      if (!header) header = record.fields.map((f) => f.trim());
      else if (mapper) await mapOne(record);
      else if (sample.push(record) >= DATE_SAMPLE_SIZE) await startMapping();
    },
    finish: async () => {
      if (!header) throw new AppError("BAD_REQUEST", "The file is empty: no header line.", { key: "imports.emptyFile" });
      if (!mapper) await startMapping();
      await writer.finish();
      if (!target.acceptValidRows && work.rowsRejected > 0) work.rowsImported = 0;
      return work;
    },
  };
};

/** Imports open items from a CSV (canonical or mapped) in one transaction, streaming, idempotent by external id. */
export const importOpenItemsCsv = (deps: ServiceDeps, actor: Actor | { orgId: string; userId: null }, input: CsvImportInput): Promise<ImportSummary> =>
  runImport(
    deps,
    actor,
    {
      kind: "csv",
      fileName: input.source.name,
      asOf: input.asOf,
      totalBytes: input.source.size,
      acceptValidRows: input.acceptValidRows,
      clientRef: input.clientRef,
    },
    async (ctx) => {
      const importer = await createCsvImporter(ctx, input.mapping, { orgId: actor.orgId, asOf: input.asOf, acceptValidRows: input.acceptValidRows });
      let bytesRead = 0;
      const options = { ...(input.mapping?.options ?? { delimiter: "auto" as const, encoding: "auto" as const }), sheet: input.sheet ?? null };
      for await (const records of readTabularRecords(input.source, options, (n) => (bytesRead = n))) {
        for (const record of records) await importer.accept(record);
        ctx.progress({ rowsRead: importer.work.rowsTotal, rowsRejected: importer.work.rowsRejected, bytesRead });
      }
      return importer.finish();
    },
  );
