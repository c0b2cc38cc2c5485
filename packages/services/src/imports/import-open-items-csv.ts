import { upsertOpenItems, type OpenItemRow, type TenantTx } from "@relance/db";
import { AppError, createRecordMapper, type ColumnMapping, type CsvRecord, type MapRecordResult } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import type { FileSource } from "./file-source.ts";
import { toOpenItemRow } from "./open-item-rows.ts";
import { isBlankRecord, readCsvRecords } from "./read-csv-records.ts";
import { DATE_SAMPLE_SIZE, mappingForHeader, settleDateFormat } from "./resolve-mapping.ts";
import { newWork, runImport, type ImportContext, type ImportSummary, type ImportWork } from "./run-import.ts";

export const WRITE_BATCH_SIZE = 5_000;

export interface CsvImportInput {
  source: FileSource;
  /** Omitted: the canonical column names (and their usual French synonyms) are recognised from the header. */
  mapping?: ColumnMapping | undefined;
  asOf: string;
  acceptValidRows: boolean;
  clientRef?: string | null;
}

const addCounts = (details: ImportWork["details"], counts: Record<string, number>) => {
  for (const [key, value] of Object.entries(counts)) details[key] = (Number(details[key]) || 0) + value;
};

/** The streaming state of one CSV import: header, settled mapping, pending batch, duplicates seen. */
const createCsvImporter = (ctx: ImportContext, orgId: string, asOf: string, given: ColumnMapping | undefined, acceptValid: boolean) => {
  const work = newWork();
  let header: string[] | null = null;
  let mapper: ((record: CsvRecord) => MapRecordResult) | null = null;
  const sample: CsvRecord[] = [];
  const batch: OpenItemRow[] = [];
  const firstLineOf = new Map<string, number>();

  const flush = async (tx: TenantTx) => {
    // once a row is rejected and valid rows were not accepted, the transaction will be undone: stop writing
    if (batch.length > 0 && (acceptValid || work.rowsRejected === 0)) addCounts(work.details, { ...(await upsertOpenItems(tx, orgId, asOf, batch)) });
    batch.length = 0;
  };
  const mapOne = (record: CsvRecord) => {
    work.rowsTotal += 1;
    const result = mapper!(record);
    if (!result.ok) {
      ctx.reject(result.errors.map((e) => ({ line: e.line, path: e.column, field: e.field, message: e.message })), work);
      return;
    }
    const seenAt = firstLineOf.get(result.row.invoice.externalId);
    if (seenAt !== undefined) {
      const message = `line ${record.line}, invoice_external_id ("${result.row.invoice.externalId}"): already on line ${seenAt}`;
      ctx.reject([{ line: record.line, path: null, field: "invoice_external_id", message }], work);
      return;
    }
    firstLineOf.set(result.row.invoice.externalId, record.line);
    batch.push(toOpenItemRow(result.row));
    work.rowsImported += 1;
  };
  const startMapping = () => {
    const mapping = settleDateFormat(header!, mappingForHeader(header!, given), sample);
    mapper = createRecordMapper(header!, mapping);
    for (const record of sample.splice(0)) mapOne(record);
  };
  return {
    work,
    accept: (record: CsvRecord) => {
      if (isBlankRecord(record)) return;
      if (!header) header = record.fields.map((f) => f.trim());
      else if (mapper) mapOne(record);
      else if (sample.push(record) >= DATE_SAMPLE_SIZE) startMapping();
    },
    pendingRows: () => batch.length,
    flush,
    finish: async (tx: TenantTx) => {
      if (!header) throw new AppError("BAD_REQUEST", "The file is empty: no header line.", { key: "imports.emptyFile" });
      if (!mapper) startMapping();
      await flush(tx);
      if (!acceptValid && work.rowsRejected > 0) work.rowsImported = 0;
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
      const importer = createCsvImporter(ctx, actor.orgId, input.asOf, input.mapping, input.acceptValidRows);
      let bytesRead = 0;
      const options = input.mapping?.options ?? { delimiter: "auto" as const, encoding: "auto" as const };
      for await (const records of readCsvRecords(input.source, options, (n) => (bytesRead = n))) {
        for (const record of records) importer.accept(record);
        if (importer.pendingRows() >= WRITE_BATCH_SIZE) await importer.flush(ctx.tx);
        ctx.progress({ rowsRead: importer.work.rowsTotal, rowsRejected: importer.work.rowsRejected, bytesRead });
      }
      return importer.finish(ctx.tx);
    },
  );
