import { createCsvParser, type CsvRecord } from "../csv/create-csv-parser.ts";
import { invalidValue } from "../ledger-errors.ts";
import { parseFecHeader, type FecHeader } from "./fec-header.ts";
import { parseFecLine, type FecEntry, type FecLineError } from "./parse-fec-line.ts";

export interface ReadFecOptions {
  /** Tab or `|` in practice; detected from the header line by default. */
  readonly delimiter?: "\t" | "|" | ";" | "auto";
  /** Receives bad lines so reading goes on; without it the first bad line throws. */
  readonly onError?: (error: FecLineError) => void;
}

/**
 * Streams FEC entries from text chunks (decode bytes first, e.g. ISO 8859-15 with `decodeByteChunks`). Only the
 * records of the current chunk are held. The first record must be the header.
 */
export async function* readFecEntries(chunks: AsyncIterable<string> | Iterable<string>, options: ReadFecOptions = {}): AsyncGenerator<FecEntry> {
  let header: FecHeader | undefined;
  let pending: CsvRecord[] = [];
  // The FEC has no quoting convention: a quote in a label is just a character.
  const parser = createCsvParser({ delimiter: options.delimiter ?? "auto", quoting: false, onRecord: (record) => pending.push(record) });
  const drain = function* (): Generator<FecEntry> {
    const records = pending;
    pending = [];
    for (const record of records) {
      if (header === undefined) {
        header = parseFecHeader(record.fields);
        continue;
      }
      const result = parseFecLine(record.fields, record.line, header);
      if (result.ok) yield result.entry;
      else if (options.onError !== undefined) options.onError(result.error);
      else throw invalidValue(result.error.message, "ledger.invalidFecLine");
    }
  };
  for await (const chunk of chunks) {
    parser.push(chunk);
    yield* drain();
  }
  parser.end();
  yield* drain();
  if (header === undefined) throw invalidValue("The FEC file is empty: no header line", "ledger.invalidFecHeader");
}
