import { SaxesParser, type SaxesTagPlain } from "saxes";
import { isDateFormat } from "./cell-values.ts";
import { workbookError } from "./workbook-error.ts";

/** The small parts of a workbook, read whole: its sheets, its strings and which styles show dates. */

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Runs a SAX parse over a whole part; a malformed part is an error naming it. */
const parsePart = (xml: string, part: string, on: (parser: SaxesParser) => void): void => {
  const parser = new SaxesParser({ xmlns: false });
  on(parser);
  try {
    parser.write(xml).close();
  } catch (error) {
    throw workbookError(`${part} is not well-formed XML (${(error as Error).message})`, part);
  }
};

export interface WorkbookSheet {
  /** The sheet's relationship id in xl/_rels/workbook.xml.rels. */
  readonly relId: string;
  readonly name: string;
}

export interface WorkbookInfo {
  /** The sheets in the order Excel shows their tabs. */
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
}

export const readWorkbook = (xml: string): WorkbookInfo => {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  parsePart(xml, "xl/workbook.xml", (p) =>
    p.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === "workbookPr") date1904 = ["1", "true"].includes(String(tag.attributes.date1904 ?? ""));
      if (name === "sheet") {
        const id = Object.entries(tag.attributes).find(([key]) => localName(key) === "id")?.[1];
        if (id) sheets.push({ relId: String(id), name: String(tag.attributes.name ?? "") });
      }
    }),
  );
  if (sheets.length === 0) throw workbookError("the workbook has no sheet", "xl/workbook.xml");
  return { sheets, date1904 };
};

/** The part a workbook relationship points to, as a path inside the archive. */
export const readRelationshipTarget = (xml: string, sheet: WorkbookSheet): string => {
  let target: string | null = null;
  parsePart(xml, "xl/_rels/workbook.xml.rels", (p) =>
    p.on("opentag", (tag: SaxesTagPlain) => {
      if (localName(tag.name) === "Relationship" && tag.attributes.Id === sheet.relId) target = String(tag.attributes.Target ?? "");
    }),
  );
  const found = target as string | null;
  if (!found) throw workbookError(`the sheet "${sheet.name}" (${sheet.relId}) has no part`, "xl/_rels/workbook.xml.rels");
  return found.startsWith("/") ? found.slice(1) : `xl/${found}`.replace(/\/\.\//g, "/");
};

/** Shared strings in order; rich-text runs are joined, phonetic guides left out. */
export const readSharedStrings = (xml: string): string[] => {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let inPhonetic = 0;
  parsePart(xml, "xl/sharedStrings.xml", (p) => {
    p.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === "si") current = [];
      else if (name === "rPh") inPhonetic += 1;
      else if (name === "t") inText += 1;
    });
    p.on("text", (text) => {
      if (current && inText > 0 && inPhonetic === 0) current.push(text);
    });
    p.on("closetag", (tag) => {
      const name = localName(tag.name);
      if (name === "si" && current) {
        strings.push(current.join(""));
        current = null;
      } else if (name === "rPh") inPhonetic -= 1;
      else if (name === "t") inText -= 1;
    });
  });
  return strings;
};

/** For each cell style index (a cell's `s`), whether it shows a date. */
export const readDateStyles = (xml: string): boolean[] => {
  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  parsePart(xml, "xl/styles.xml", (p) => {
    p.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === "numFmt") customFormats.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        dateStyles.push(isDateFormat(id, customFormats.get(id)));
      }
    });
    p.on("closetag", (tag) => {
      if (localName(tag.name) === "cellXfs") inCellXfs = false;
    });
  });
  return dateStyles;
};
