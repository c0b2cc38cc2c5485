import { AppError, isZipStart, type CsvRecord, type ImportOptions } from "@relance/domain";
import { countBytes, type FileSource } from "./file-source.ts";
import { readCsvRecords } from "./read-csv-records.ts";
import { readWorkbookFile } from "./read-workbook-file.ts";

export type TabularOptions = Pick<ImportOptions, "delimiter" | "encoding"> &
  Partial<Pick<ImportOptions, "decimalSeparator" | "dateFormat">> & {
    /** A workbook's sheet by name (the first when none); a file that is not a workbook has none to choose. */
    sheet?: string | null;
  };

/** The file's first chunk, and the whole file again as a stream that starts with that chunk (read once). */
const peek = async (chunks: AsyncIterable<Uint8Array>): Promise<{ first: Uint8Array | null; all: AsyncIterable<Uint8Array>; cancel(): Promise<void> }> => {
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? null : head.value;
  return {
    first,
    all: (async function* () {
      if (first) yield first;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
    cancel: async () => {
      await iterator.return?.();
    },
  };
};

/**
 * The records of an open-items file, whatever its kind: an Excel workbook (.xlsx, recognised by its content, the
 * chosen sheet or else the first read) or delimited text. Records carry the line (CSV) or row number (workbook) a user sees.
 */
export async function* readTabularRecords(
  source: FileSource,
  options: TabularOptions,
  onBytes: (bytesRead: number) => void = () => undefined,
  onDelimiter: (delimiter: string) => void = () => undefined,
): AsyncGenerator<CsvRecord[]> {
  const { first, all, cancel } = await peek(countBytes(source.open(), onBytes));
  if (first && isZipStart(first)) {
    const text = { decimalSeparator: options.decimalSeparator ?? "auto", dateFormat: options.dateFormat ?? "auto" };
    if (source.path) {
      // read in place; the stream opened for the peek is not needed
      await cancel();
      yield* readWorkbookFile({ path: source.path }, text, options.sheet);
    } else yield* readWorkbookFile({ chunks: all }, text, options.sheet);
    return;
  }
  if (options.sheet != null) {
    await cancel();
    throw new AppError("BAD_REQUEST", `sheet "${options.sheet}": the file is not an Excel workbook, it has no sheets`, {
      key: "imports.sheetOfText",
      fields: [{ path: "sheet", message: "only a workbook has sheets" }],
    });
  }
  yield* readCsvRecords({ name: source.name, size: source.size, open: () => all }, options, undefined, onDelimiter);
}
