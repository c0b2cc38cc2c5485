import { createCsvParser, decodeByteChunks, type CsvRecord, type ImportOptions } from "@relance/domain";
import { countBytes, type FileSource } from "./file-source.ts";

/**
 * Streams a delimited text file as records: bytes decoded (encoding chosen or detected), tokenized one chunk at a
 * time. Memory holds one chunk and its records, never the file.
 */
export async function* readCsvRecords(
  source: FileSource,
  options: Pick<ImportOptions, "delimiter" | "encoding">,
  onBytes: (bytesRead: number) => void = () => undefined,
  onDelimiter: (delimiter: string) => void = () => undefined,
): AsyncGenerator<CsvRecord[]> {
  const pending: CsvRecord[] = [];
  const parser = createCsvParser({ delimiter: options.delimiter, onRecord: (record) => pending.push(record) });
  for await (const text of decodeByteChunks(countBytes(source.open(), onBytes), { encoding: options.encoding })) {
    parser.push(text);
    if (parser.delimiter) onDelimiter(parser.delimiter);
    if (pending.length > 0) yield pending.splice(0);
  }
  parser.end();
  if (parser.delimiter) onDelimiter(parser.delimiter);
  if (pending.length > 0) yield pending.splice(0);
}

export const isBlankRecord = (record: CsvRecord): boolean => record.fields.every((field) => field.trim() === "");
