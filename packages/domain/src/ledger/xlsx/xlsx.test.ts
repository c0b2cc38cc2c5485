import { deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { CsvRecord } from "../csv/create-csv-parser.ts";
import { columnIndexOf, formatNumberCell, isDateFormat, serialToIsoDate, type CellTextOptions } from "./cell-values.ts";
import { bytesSource, openWorkbook, readWorkbookRecords } from "./read-workbook.ts";
import { storeZip, writeWorkbook, writeWorkbookSheets } from "./write-workbook.ts";
import { isZipStart } from "./zip-directory.ts";

const inflate = async function* (chunks: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  yield new Uint8Array(inflateRawSync(Buffer.concat(parts)));
};
const deflate = (data: Uint8Array) => new Uint8Array(deflateRawSync(data));

const readAll = async (
  bytes: Uint8Array,
  text: Omit<CellTextOptions, "date1904"> = { decimalSeparator: "auto", dateFormat: "auto" },
  sheet?: string,
): Promise<CsvRecord[]> => {
  const records: CsvRecord[] = [];
  for await (const batch of readWorkbookRecords(bytesSource(bytes, inflate), text, sheet)) records.push(...batch);
  return records;
};

const enc = (text: string) => new TextEncoder().encode(text);
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook laid out as Excel writes one: deflated, strings after the sheet, a custom date format, rich text. */
const excelLike = (sheet: string, extra: { workbookPr?: string; strings?: string; styles?: string } = {}) =>
  storeZip(
    [
      ["[Content_Types].xml", enc("<Types/>")],
      ["xl/workbook.xml", enc(`<workbook ${MAIN} ${REL}>${extra.workbookPr ?? ""}<sheets><sheet name="Relances" sheetId="7" r:id="rId3"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
      [
        "xl/_rels/workbook.xml.rels",
        enc('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Target="/xl/worksheets/sheet2.xml"/></Relationships>'),
      ],
      ["xl/worksheets/sheet1.xml", enc(`<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`)],
      ["xl/worksheets/sheet2.xml", enc(`<worksheet ${MAIN}><sheetData>${sheet}</sheetData></worksheet>`)],
      [
        "xl/styles.xml",
        enc(
          extra.styles ??
            `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>` +
              `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
        ),
      ],
      [
        "xl/sharedStrings.xml",
        enc(
          extra.strings ??
            `<sst ${MAIN}><si><t>invoice_number</t></si><si><r><t>Durand </t></r><r><rPr><b/></rPr><t>&amp; Fils</t></r><rPh><t>デュラン</t></rPh></si><si><t>due_date</t></si></sst>`,
        ),
      ],
    ],
    deflate,
  );

describe("reading an .xlsx workbook", () => {
  it("reads the first sheet in the workbook's order, with shared, rich and inline strings, dates and decimals", async () => {
    const bytes = excelLike(
      `<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>amount</t></is></c></row>` +
        `<row r="3"><c r="A3"><v>2026001</v></c><c r="C3" s="1"><v>46082</v></c><c r="D3" s="2"><v>1234.5599999999999</v></c></row>` +
        `<row r="4"><c r="A4" t="str"><f>CONCAT("F-","9")</f><v>F-9</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" s="3"><v>46082.75</v></c><c r="D4"><f>0.1+0.2</f><v>0.30000000000000004</v></c></row>`,
    );
    expect(isZipStart(bytes)).toBe(true);
    expect(await readAll(bytes)).toEqual([
      { line: 1, fields: ["invoice_number", "Durand & Fils", "due_date", "amount"] },
      { line: 3, fields: ["2026001", "", "2026-03-01", "1234.56"] },
      { line: 4, fields: ["F-9", "TRUE", "2026-03-01", "0.3"] },
    ]);
  });

  it("writes typed cells as the mapping expects them: decimal comma, day-first dates, the 1904 date system", async () => {
    const bytes = excelLike(`<row r="1"><c r="A1" s="1"><v>44620</v></c><c r="B1"><v>-1500.5</v></c></row>`, { workbookPr: '<workbookPr date1904="1"/>' });
    expect(await readAll(bytes, { decimalSeparator: ",", dateFormat: "DD/MM/YYYY" })).toEqual([{ line: 1, fields: ["01/03/2026", "-1500,5"] }]);
  });

  it("round-trips what the workbook writer produces, stored or deflated", async () => {
    const rows = [
      ["invoice_number", "amount", "due_date", "note"],
      ["F-1", 1200, { date: "2026-01-31" }, null],
      ["F-<2>", 99.9, { date: "2024-02-29" }, "Müller & Söhne"],
    ];
    const expected = [
      { line: 1, fields: ["invoice_number", "amount", "due_date", "note"] },
      { line: 2, fields: ["F-1", "1200", "2026-01-31"] },
      { line: 3, fields: ["F-<2>", "99.9", "2024-02-29", "Müller & Söhne"] },
    ];
    expect(await readAll(writeWorkbook(rows))).toEqual(expected);
    expect(await readAll(writeWorkbook(rows, { deflateRaw: deflate }))).toEqual(expected);
  });

  it("lists the sheets in the order of their tabs and reads the one named, whatever its case", async () => {
    const workbook = writeWorkbookSheets(
      [
        { name: "Notes", rows: [["read me first"]] },
        { name: "Encours mars", rows: [["invoice", "amount"], ["F-1", 12.5]] },
      ],
      { deflateRaw: deflate },
    );
    expect((await openWorkbook(bytesSource(workbook, inflate))).sheetNames).toEqual(["Notes", "Encours mars"]);
    expect((await readAll(workbook)).map((r) => r.fields)).toEqual([["read me first"]]);
    expect((await readAll(workbook, undefined, "encours MARS")).map((r) => [r.line, ...r.fields])).toEqual([
      [1, "invoice", "amount"],
      [2, "F-1", "12.5"],
    ]);
    // the tab order of the workbook, not the order of its parts, decides which sheet is first
    expect((await openWorkbook(bytesSource(excelLike(""), inflate))).sheetNames).toEqual(["Relances", "Other"]);
    expect((await readAll(excelLike(""), undefined, "Other")).map((r) => r.fields)).toEqual([["wrong sheet"]]);
  });

  it("refuses a sheet the workbook does not have, naming the ones it has", async () => {
    const workbook = writeWorkbookSheets([
      { name: "Notes", rows: [["x"]] },
      { name: "Encours", rows: [["y"]] },
    ]);
    const refusal = readAll(workbook, undefined, "Relances");
    await expect(refusal).rejects.toThrow('Excel workbook: no sheet is named "Relances" (its sheets: "Notes", "Encours")');
    await expect(refusal).rejects.toMatchObject({ code: "BAD_REQUEST", details: { fields: [{ path: "sheet" }] } });
  });

  it("refuses what is not a readable workbook, saying what is wrong and where", async () => {
    await expect(readAll(enc("invoice;amount\nF-1;12\n"))).rejects.toThrow(/not a ZIP archive/);
    await expect(readAll(storeZip([["word/document.xml", enc("<w/>")]]))).rejects.toThrow(/no xl\/workbook\.xml/);
    await expect(readAll(excelLike(`<row r="1"><c r="A1" t="s"><v>99</v></c></row>`))).rejects.toThrow(/shared string 99.*row 1, xl\/worksheets\/sheet2\.xml/);
    await expect(readAll(excelLike(`<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>`))).rejects.toThrow(/cell reference "A2" is out of order/);
    await expect(readAll(excelLike(`<row r="1"><c r="A1"><v>1</v></row>`))).rejects.toThrow(/sheet2\.xml is not well-formed XML/);
  });
});

describe("cell values", () => {
  it("reads column letters", () => {
    expect([columnIndexOf("A1"), columnIndexOf("Z9"), columnIndexOf("AA1"), columnIndexOf("XFD1"), columnIndexOf("12")]).toEqual([0, 25, 26, 16_383, -1]);
  });

  it("turns date serials into calendar dates around Excel's phantom 29 February 1900", () => {
    expect(serialToIsoDate(1, false)).toBe("1900-01-01");
    expect(serialToIsoDate(59, false)).toBe("1900-02-28");
    expect(serialToIsoDate(60, false)).toBeNull();
    expect(serialToIsoDate(61, false)).toBe("1900-03-01");
    expect(serialToIsoDate(46082, false)).toBe("2026-03-01");
    expect(serialToIsoDate(0, true)).toBeNull();
    expect(serialToIsoDate(44620, true)).toBe("2026-03-01");
  });

  it("writes numbers as the user sees them, never with an exponent", () => {
    expect(formatNumberCell("1E-7", ".")).toBe("0.0000001");
    expect(formatNumberCell("1.5E+21", ".")).toBe("1500000000000000000000");
    expect(formatNumberCell("12.5", ",")).toBe("12,5");
    expect(formatNumberCell("abc", ".")).toBeNull();
  });

  it("knows which number formats show dates", () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(164, "dd/mm/yyyy;@")).toBe(true);
    expect(isDateFormat(165, '#,##0.00\\ "€"')).toBe(false);
    expect(isDateFormat(166, '[Red]0.00;"days"')).toBe(false);
    expect(isDateFormat(0, "General")).toBe(false);
  });
});
