import type { CsvRecord } from "../csv/create-csv-parser.ts";
import type { CellTextOptions } from "./cell-values.ts";
import { createSheetReader } from "./sheet-reader.ts";
import { readDateStyles, readRelationshipTarget, readSharedStrings, readWorkbook, type WorkbookSheet } from "./workbook-parts.ts";
import { workbookError } from "./workbook-error.ts";
import {
  entryDataOffset,
  LOCAL_HEADER_BYTES,
  locateCentralDirectory,
  parseCentralDirectory,
  requireSupportedMethod,
  ZIP_TAIL_BYTES,
  type ZipEntry,
} from "./zip-directory.ts";

/**
 * What reading a workbook needs from where it lies (a file on the server, a File in the browser): reads at an
 * offset, and raw-deflate decompression. The reader itself stays pure and runs on both sides.
 */
export interface RandomAccessSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  stream(offset: number, length: number): AsyncIterable<Uint8Array>;
  inflateRaw(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
}

/** Parts read whole (strings, styles) larger than this are refused rather than exhausting memory. */
const MAX_WHOLE_PART_BYTES = 256 * 1024 * 1024;

const entryContent = async function* (source: RandomAccessSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  requireSupportedMethod(entry);
  const dataOffset = entryDataOffset(entry, await source.read(entry.localHeaderOffset, LOCAL_HEADER_BYTES));
  const raw = source.stream(dataOffset, entry.compressedSize);
  yield* entry.method === 8 ? source.inflateRaw(raw) : raw;
};

const entryText = async (source: RandomAccessSource, entry: ZipEntry): Promise<string> => {
  if (entry.uncompressedSize > MAX_WHOLE_PART_BYTES) throw workbookError(`the part ${entry.name} is too large`, entry.name);
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of entryContent(source, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
};

/** The sheet named `name` (Excel tells names apart regardless of case), or the first one when no name is given. */
const chooseSheet = (sheets: readonly WorkbookSheet[], name: string | null | undefined): WorkbookSheet => {
  if (name == null) return sheets[0]!;
  const wanted = name.trim().toLowerCase();
  const sheet = sheets.find((s) => s.name.trim().toLowerCase() === wanted);
  if (!sheet) throw workbookError(`no sheet is named "${name}" (its sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")})`, "sheet");
  return sheet;
};

export interface OpenedWorkbook {
  /** The sheets' names, in the order of their tabs. */
  readonly sheetNames: string[];
  /**
   * The rows of one sheet (the one named `sheet`, else the first), a batch per decompressed chunk; `line` is the row
   * number Excel shows.
   */
  records(text: Omit<CellTextOptions, "date1904">, sheet?: string | null): AsyncGenerator<CsvRecord[]>;
}

/** Reads the workbook's directory and sheet list once; its sheets are then read from them. */
export const openWorkbook = async (source: RandomAccessSource): Promise<OpenedWorkbook> => {
  const tailLength = Math.min(source.size, ZIP_TAIL_BYTES);
  const directory = locateCentralDirectory(await source.read(source.size - tailLength, tailLength), source.size);
  const entries = new Map(parseCentralDirectory(await source.read(directory.offset, directory.size), directory.count).map((e) => [e.name, e]));
  const part = (name: string): ZipEntry | undefined => entries.get(name);
  const workbookPart = part("xl/workbook.xml");
  const relsPart = part("xl/_rels/workbook.xml.rels");
  if (!workbookPart || !relsPart) throw workbookError("no xl/workbook.xml: not an Excel .xlsx workbook (an .xls or .ods must be saved as .xlsx first)");
  const workbook = readWorkbook(await entryText(source, workbookPart));
  return {
    sheetNames: workbook.sheets.map((sheet) => sheet.name),
    records: async function* (text, sheet) {
      const chosen = chooseSheet(workbook.sheets, sheet);
      const sheetPath = readRelationshipTarget(await entryText(source, relsPart), chosen);
      const sheetPart = part(sheetPath);
      if (!sheetPart) throw workbookError(`the sheet "${chosen.name}" has no part ${sheetPath}`, sheetPath);
      const stringsPart = part("xl/sharedStrings.xml");
      const stylesPart = part("xl/styles.xml");
      const reader = createSheetReader({
        sharedStrings: stringsPart ? readSharedStrings(await entryText(source, stringsPart)) : [],
        dateStyles: stylesPart ? readDateStyles(await entryText(source, stylesPart)) : [],
        text: { ...text, date1904: workbook.date1904 },
        part: sheetPath,
      });
      const decoder = new TextDecoder();
      for await (const chunk of entryContent(source, sheetPart)) {
        const records = reader.write(decoder.decode(chunk, { stream: true }));
        if (records.length > 0) yield records;
      }
      const last = [...reader.write(decoder.decode()), ...reader.close()];
      if (last.length > 0) yield last;
    },
  };
};

/** The rows of one sheet of the workbook (see OpenedWorkbook.records). */
export async function* readWorkbookRecords(
  source: RandomAccessSource,
  text: Omit<CellTextOptions, "date1904">,
  sheet?: string | null,
): AsyncGenerator<CsvRecord[]> {
  yield* (await openWorkbook(source)).records(text, sheet);
}

/** A workbook held in memory (a test, a small upload) as a random-access source; decompression comes from the caller. */
export const bytesSource = (bytes: Uint8Array, inflateRaw: RandomAccessSource["inflateRaw"]): RandomAccessSource => ({
  size: bytes.length,
  read: async (offset, length) => bytes.subarray(offset, offset + length),
  stream: async function* (offset, length) {
    yield bytes.subarray(offset, offset + length);
  },
  inflateRaw,
});
