import { describe, expect, it } from "vitest";
import { encodeMappingHeader, importUrl } from "./import-upload.ts";

const file = new File(["a,b\n"], "Relevé mars 2026.csv");

describe("import upload request", () => {
  it("encodes the mapping as base64url JSON, accents included", () => {
    const mapping = {
      columns: { due_date: "Date d'échéance", amount: 3 },
      options: { delimiter: ";", decimalSeparator: ",", dateFormat: "DD/MM/YYYY", encoding: "auto" },
    } as const;
    const header = encodeMappingHeader(mapping);
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(header, "base64url").toString("utf8"))).toEqual(mapping);
  });

  it("puts the kind, the file name and the options in the query", () => {
    const csv = new URL(importUrl({ kind: "csv", file, asOf: "2026-03-31", acceptValidRows: true, clientRef: "ref-1", mapping: null, sheet: null }), "http://x");
    expect(csv.pathname).toBe("/api/imports");
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      kind: "csv",
      fileName: "Relevé mars 2026.csv",
      asOf: "2026-03-31",
      acceptValidRows: "true",
      clientRef: "ref-1",
    });
    const sheet = new URL(importUrl({ kind: "csv", file, asOf: "2026-03-31", acceptValidRows: false, clientRef: "ref-3", mapping: null, sheet: "Encours mars" }), "http://x");
    expect(sheet.searchParams.get("sheet")).toBe("Encours mars");
    const fec = new URL(
      importUrl({ kind: "fec", file, asOf: "2026-03-31", acceptValidRows: false, clientRef: "ref-2", accountPrefix: "4111", defaultTermsDays: 45 }),
      "http://x",
    );
    expect(fec.searchParams.get("accountPrefix")).toBe("4111");
    expect(fec.searchParams.get("defaultTermsDays")).toBe("45");
    expect(fec.searchParams.get("acceptValidRows")).toBe("false");
  });
});
