import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./detect-delimiter.ts";

describe("detectDelimiter", () => {
  it("finds each supported delimiter", () => {
    expect(detectDelimiter("a,b,c\n1,2,3")).toBe(",");
    expect(detectDelimiter("N° facture;Montant TTC;Devise\nF1;1 234,56;EUR\nF2;12,5;EUR")).toBe(";");
    expect(detectDelimiter("JournalCode\tJournalLib\tEcritureNum\nVT\tVentes\t1")).toBe("\t");
    expect(detectDelimiter("JournalCode|JournalLib|EcritureNum\nVT|Ventes, divers|1")).toBe("|");
  });

  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('"a,b";"c,d"\n"1,5";"2,5"')).toBe(";");
  });

  it("prefers the delimiter that is consistent across lines", () => {
    // one comma in the header ("Nom, prénom"), but semicolons are consistent
    expect(detectDelimiter('Nom, prénom;Montant;Devise\nDupont;1,5;EUR\nMartin;2;EUR')).toBe(";");
  });

  it("falls back to a comma for a single column or an empty sample", () => {
    expect(detectDelimiter("only\none column")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
});
