import { deflateRawSync } from "node:zlib";
import { writeWorkbook, writeWorkbookSheets, type WorkbookCell } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { PREVIEW_SAMPLE_BYTES, readFileSample } from "./file-sample.ts";
import { WORKBOOK_SAMPLE_RECORDS } from "./workbook-sample.ts";

describe("file sample", () => {
  it("sends a small file whole", async () => {
    const text = "debtor_name;amount\nÉtablissements Müller;12,50\n";
    const sample = await readFileSample(new Blob([text]));
    expect(sample.complete).toBe(true);
    expect(sample.sheets).toBeNull();
    expect(Buffer.from(sample.base64, "base64").toString("utf8")).toBe(text);
  });

  it("sends only the start of a large file", async () => {
    const bytes = new Uint8Array(PREVIEW_SAMPLE_BYTES + 10).map((_, i) => i % 251);
    const sample = await readFileSample(new Blob([bytes]));
    expect(sample.complete).toBe(false);
    expect(Buffer.from(sample.base64, "base64")).toEqual(Buffer.from(bytes.subarray(0, PREVIEW_SAMPLE_BYTES)));
  });
});

describe("workbook sample", () => {
  it("reads an .xlsx's first rows in the browser and sends them as semicolon-separated text", async () => {
    const rows: WorkbookCell[][] = [["invoice_number", "debtor_name", "due_date", "amount"]];
    for (let i = 1; i <= 250; i += 1) rows.push([`F-${i}`, i === 1 ? 'Durand; "Fils"' : "Müller", { date: "2026-03-01" }, i + 0.5]);
    const workbook = writeWorkbook(rows, { deflateRaw: (data) => new Uint8Array(deflateRawSync(data)) });
    const sample = await readFileSample(new Blob([workbook]));
    const lines = Buffer.from(sample.base64, "base64").toString("utf8").split("\r\n");
    expect(sample.complete).toBe(false);
    expect(lines.slice(0, 3)).toEqual(["invoice_number;debtor_name;due_date;amount", 'F-1;"Durand; ""Fils""";2026-03-01;1.5', "F-2;Müller;2026-03-01;2.5"]);
    expect(lines.filter(Boolean)).toHaveLength(WORKBOOK_SAMPLE_RECORDS);
  });

  it("says when the whole sheet fits in the sample", async () => {
    const sample = await readFileSample(new Blob([writeWorkbook([["a"], ["1"]])]));
    expect(sample.complete).toBe(true);
    expect(Buffer.from(sample.base64, "base64").toString("utf8")).toBe("a\r\n1\r\n");
  });

  it("lists the sheets and samples the one chosen", async () => {
    const workbook = writeWorkbookSheets([
      { name: "Lisez-moi", rows: [["Export du 1er mars"]] },
      { name: "Encours", rows: [["invoice_number", "amount"], ["F-1", 12.5]] },
    ]);
    const first = await readFileSample(new Blob([workbook]));
    expect(first.sheets).toEqual(["Lisez-moi", "Encours"]);
    expect(Buffer.from(first.base64, "base64").toString("utf8")).toBe("Export du 1er mars\r\n");
    const chosen = await readFileSample(new Blob([workbook]), "Encours");
    expect(chosen.sheets).toEqual(["Lisez-moi", "Encours"]);
    expect(Buffer.from(chosen.base64, "base64").toString("utf8")).toBe("invoice_number;amount\r\nF-1;12.5\r\n");
  });
});
