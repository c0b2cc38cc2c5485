import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CsvRecord } from "../csv/create-csv-parser.ts";
import { columnIndexOf, formatIsoDateAs, formatNumberCell, rowNumberOf, serialToIsoDate, type CellTextOptions } from "./cell-values.ts";
import { workbookError } from "./workbook-error.ts";

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly text: CellTextOptions;
  /** The sheet's path in the archive, named in errors. */
  readonly part: string;
}

export interface SheetReader {
  /** Rows completed by this chunk of the sheet's XML, as records whose `line` is the row number Excel shows. */
  write(chunk: string): CsvRecord[];
  close(): CsvRecord[];
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

interface OpenCell {
  column: number;
  type: string;
  style: number;
  value: string[];
  inline: string[];
}

/**
 * Streams a worksheet's XML into records, one per row, holding one row at a time. Typed cells become the text a
 * user would have typed: numbers as decimals, date-formatted numbers as dates, in the mapping's separator and
 * date format, so the same column mapping reads a CSV export and the workbook alike.
 */
export const createSheetReader = (ctx: SheetContext): SheetReader => {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: CsvRecord[] = [];
  let rowNumber = 0;
  let fields: string[] | null = null;
  let lastColumn = -1;
  let cell: OpenCell | null = null;
  let inValue = false;
  let inInlineText = 0;
  let inPhonetic = 0;

  const fail = (message: string): never => {
    throw workbookError(`${message} (row ${rowNumber}, ${ctx.part} line ${parser.line})`, ctx.part);
  };

  const cellText = (c: OpenCell): string => {
    const raw = c.value.join("");
    switch (c.type) {
      case "s": {
        const text = ctx.sharedStrings[Number(raw)];
        if (text === undefined) fail(`cell refers to shared string ${raw}, which does not exist`);
        return text!;
      }
      case "inlineStr":
        return c.inline.join("");
      case "str":
      case "e":
        return raw;
      case "b":
        return raw === "1" ? "TRUE" : "FALSE";
      case "d":
        return raw.length >= 10 ? formatIsoDateAs(raw.slice(0, 10), ctx.text.dateFormat) : raw;
      default: {
        if (raw === "") return "";
        if (ctx.dateStyles[c.style]) {
          const iso = serialToIsoDate(Number(raw), ctx.text.date1904);
          if (iso) return formatIsoDateAs(iso, ctx.text.dateFormat);
        }
        return formatNumberCell(raw, ctx.text.decimalSeparator) ?? raw;
      }
    }
  };

  parser.on("opentag", (tag: SaxesTagPlain) => {
    switch (localName(tag.name)) {
      case "row": {
        const r = tag.attributes.r === undefined ? null : Number(tag.attributes.r);
        rowNumber = r !== null && Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
        fields = [];
        lastColumn = -1;
        return;
      }
      case "c": {
        if (!fields) fail("a cell outside a row");
        const ref = tag.attributes.r === undefined ? "" : String(tag.attributes.r);
        const column = ref ? columnIndexOf(ref) : lastColumn + 1;
        if (column < 0 || column <= lastColumn || column > 16_383) fail(`cell reference "${ref}" is out of order or invalid`);
        if (ref && rowNumberOf(ref) !== rowNumber) fail(`cell ${ref} is not in row ${rowNumber}`);
        lastColumn = column;
        cell = { column, type: String(tag.attributes.t ?? "n"), style: Number(tag.attributes.s ?? 0), value: [], inline: [] };
        return;
      }
      case "v":
        inValue = cell !== null;
        return;
      case "rPh":
        inPhonetic += 1;
        return;
      case "t":
        if (cell?.type === "inlineStr") inInlineText += 1;
        return;
    }
  });
  parser.on("text", (text) => {
    if (!cell) return;
    if (inValue) cell.value.push(text);
    else if (inInlineText > 0 && inPhonetic === 0) cell.inline.push(text);
  });
  parser.on("closetag", (tag) => {
    switch (localName(tag.name)) {
      case "row":
        if (fields) ready.push({ line: rowNumber, fields });
        fields = null;
        return;
      case "c":
        if (cell && fields) {
          while (fields.length < cell.column) fields.push("");
          fields.push(cellText(cell));
        }
        cell = null;
        return;
      case "v":
        inValue = false;
        return;
      case "rPh":
        inPhonetic -= 1;
        return;
      case "t":
        if (inInlineText > 0) inInlineText -= 1;
        return;
    }
  });

  const guarded = (run: () => void): CsvRecord[] => {
    try {
      run();
    } catch (error) {
      if ((error as { code?: string }).code === "BAD_REQUEST") throw error;
      throw workbookError(`${ctx.part} is not well-formed XML (${(error as Error).message})`, ctx.part);
    }
    return ready.splice(0);
  };
  return {
    write: (chunk) => guarded(() => parser.write(chunk)),
    close: () => guarded(() => parser.close()),
  };
};
