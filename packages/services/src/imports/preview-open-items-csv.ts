import { autoMapHeader, createRecordMapper, type CanonicalField, type ColumnMapping, type CsvRecord } from "@relance/domain";
import type { FileSource } from "./file-source.ts";
import { isBlankRecord } from "./read-csv-records.ts";
import { readTabularRecords } from "./read-tabular-records.ts";
import { settleDateFormat } from "./resolve-mapping.ts";

export const PREVIEW_ROWS = 20;

export interface CsvPreview {
  header: string[];
  delimiter: string | null;
  mapping: ColumnMapping;
  missingRequired: CanonicalField[];
  unusedColumns: string[];
  /** The first rows, mapped, or the reasons they would be rejected. */
  rows: { line: number; cells: string[]; errors: string[] }[];
  /** The mapping cannot be used as is (unmapped required field, column not in the header). */
  mappingProblem: string | null;
}

/**
 * Reads the beginning of a file (the whole file is never needed) and shows how the mapping — the one given, else
 * one guessed from the header — reads its first rows. `complete` says whether the sample is the whole file; if not,
 * its last, possibly cut, record is left out.
 */
export const previewOpenItemsCsv = async (source: FileSource, given: ColumnMapping | undefined, complete: boolean): Promise<CsvPreview> => {
  const records: CsvRecord[] = [];
  let delimiter: string | null = null;
  const options = given?.options ?? { delimiter: "auto" as const, encoding: "auto" as const };
  for await (const batch of readTabularRecords(source, options, undefined, (d) => (delimiter = d))) {
    records.push(...batch.filter((r) => !isBlankRecord(r)));
  }
  if (!complete) records.pop();
  const [headerRecord, ...data] = records;
  const header = (headerRecord?.fields ?? []).map((f) => f.trim());
  const auto = autoMapHeader(header);
  const mapping = settleDateFormat(header, given ?? auto.mapping, data);
  let mappingProblem: string | null = null;
  let rows: CsvPreview["rows"] = [];
  try {
    const mapper = createRecordMapper(header, mapping);
    rows = data.slice(0, PREVIEW_ROWS).map((record) => {
      const result = mapper(record);
      return { line: record.line, cells: record.fields, errors: result.ok ? [] : result.errors.map((e) => e.message) };
    });
  } catch (error) {
    mappingProblem = (error as Error).message;
    rows = data.slice(0, PREVIEW_ROWS).map((record) => ({ line: record.line, cells: record.fields, errors: [] }));
  }
  const mapped = new Set(Object.values(mapping.columns).map((ref) => (typeof ref === "number" ? header[ref] : ref)));
  return {
    header,
    delimiter,
    mapping,
    missingRequired: auto.missingRequired.filter((field) => mapping.columns[field] === undefined && mapping.defaults?.[field] === undefined),
    unusedColumns: header.filter((name) => !mapped.has(name)),
    rows,
    mappingProblem,
  };
};
