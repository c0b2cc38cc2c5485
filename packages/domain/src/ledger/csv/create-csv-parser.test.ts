import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCsvParser, parseCsvText, type CsvRecord } from "./create-csv-parser.ts";

const parseInChunks = (chunks: string[], delimiter: "," | ";" | "auto" = "auto"): CsvRecord[] => {
  const records: CsvRecord[] = [];
  const parser = createCsvParser({ delimiter, onRecord: (r) => records.push(r) });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return records;
};

describe("createCsvParser", () => {
  it("reads simple records with LF and CRLF", () => {
    expect(parseCsvText("a,b,c\n1,2,3\r\n4,5,6")).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "2", "3"] },
      { line: 3, fields: ["4", "5", "6"] },
    ]);
  });

  it("handles quoting: delimiters, doubled quotes, line breaks, with correct line numbers", () => {
    const text = 'id;note;amount\n1;"a; b";"1 234,56"\n2;"He said ""hi""";3\n3;"multi\nline\r\nnote";4\n4;last;5\n';
    expect(parseCsvText(text)).toEqual([
      { line: 1, fields: ["id", "note", "amount"] },
      { line: 2, fields: ["1", "a; b", "1 234,56"] },
      { line: 3, fields: ["2", 'He said "hi"', "3"] },
      { line: 4, fields: ["3", "multi\nline\r\nnote", "4"] },
      { line: 7, fields: ["4", "last", "5"] }, // lines 4–6 hold record 3
    ]);
  });

  it("strips a BOM, skips blank lines but counts them, keeps empty fields", () => {
    expect(parseCsvText("\uFEFFa,b\n\n1,\n,\n\r\n\"\",x")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", ""] },
      { line: 4, fields: ["", ""] },
      { line: 6, fields: ["", "x"] },
    ]);
  });

  it("treats a lone CR as a line break", () => {
    expect(parseCsvText("a,b\r1,2\r3,4", ",")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
  });

  it("detects the delimiter from the first line, even split over chunks", () => {
    const records: CsvRecord[] = [];
    const parser = createCsvParser({ onRecord: (r) => records.push(r) });
    parser.push("\uFEFFJournalCode\tJour");
    expect(parser.delimiter).toBeUndefined();
    parser.push("nalLib\r");
    expect(parser.delimiter).toBe("\t");
    parser.push("\nVT\tVentes\n");
    parser.end();
    expect(records).toEqual([
      { line: 1, fields: ["JournalCode", "JournalLib"] },
      { line: 2, fields: ["VT", "Ventes"] },
    ]);
  });

  it("keeps a CRLF split across chunks as one line break", () => {
    expect(parseInChunks(["a,b\r", "\n1,2\r", "\n"], ",")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
    expect(parseInChunks(['x,"p\r', '\nq"\r', "\ny,z"], ",")).toEqual([
      { line: 1, fields: ["x", "p\r\nq"] },
      { line: 3, fields: ["y", "z"] },
    ]);
  });

  it("reads text after a closing quote leniently", () => {
    expect(parseCsvText('"ab"c,d', ",")).toEqual([{ line: 1, fields: ["abc", "d"] }]);
  });

  it("can treat quotes as ordinary characters", () => {
    const records: CsvRecord[] = [];
    const parser = createCsvParser({ delimiter: "\t", quoting: false, onRecord: (r) => records.push(r) });
    parser.push('VT\t"Remise" spéciale\t"ouvert\nAC\tx\n');
    parser.end();
    expect(records).toEqual([
      { line: 1, fields: ["VT", '"Remise" spéciale', '"ouvert'] },
      { line: 2, fields: ["AC", "x"] },
    ]);
  });

  it("fails on an unclosed quote, naming the line where the record started", () => {
    expect(() => parseCsvText('a,b\n1,"open\n2,3\n', ",")).toThrow("line 2: a quoted field is never closed");
  });

  it("fails when a record outgrows the limit", () => {
    const parser = createCsvParser({ delimiter: ",", maxRecordChars: 10, onRecord: () => undefined });
    parser.push("short\n");
    expect(() => parser.push('"this never ends')).toThrow("line 2: record longer than 10 characters");
  });

  it("gives the same records however the text is cut into chunks (property)", () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.stringMatching(/^[a-z;,"\r\n]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const row = fc.array(field, { minLength: 2, maxLength: 4 }).map((fields) => fields.join(";"));
    const document = fc.tuple(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n"));
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 10 }), ([rows, eol], cuts) => {
        const text = `h1;h2\n${rows.join(eol)}`;
        const positions = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...positions].map((start, i) => text.slice(start, [...positions, text.length][i]));
        expect(parseInChunks(chunks, ";")).toEqual(parseCsvText(text, ";"));
      }),
    );
  });
});
