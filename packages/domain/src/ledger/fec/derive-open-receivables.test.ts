import { describe, expect, it } from "vitest";
import { decodeByteChunks } from "../csv/decode-text.ts";
import { dueDateFromTerms } from "../due-date-from-terms.ts";
import { deriveOpenReceivables } from "./derive-open-receivables.ts";
import { FEC_SAMPLE } from "./fec-fixture.ts";
import type { FecLineError } from "./parse-fec-line.ts";
import { readFecEntries } from "./read-fec-entries.ts";

const chunksOf = (text: string, size: number): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe("deriveOpenReceivables", () => {
  it("keeps open, non-zero documents per customer at the date", async () => {
    const open = await deriveOpenReceivables(readFecEntries(chunksOf(FEC_SAMPLE, 37)), { asOf: "2026-03-31" });
    expect(open).toEqual([
      { customerKey: "411DUPUIS", customerName: "Dupuis", accountNum: "411DUPUIS", pieceRef: "F004", issueDate: "2026-03-15", balanceMinor: 25050, currency: "EUR", kind: "receivable", journalCode: "VT", firstLine: 10 },
      { customerKey: "C001", customerName: "Dupont SA", accountNum: "411000", pieceRef: "F001", issueDate: "2026-01-10", balanceMinor: 120000, currency: "EUR", kind: "receivable", journalCode: "VT", firstLine: 2 },
      { customerKey: "C001", customerName: "Dupont SA", accountNum: "411000", pieceRef: "BQ-0305", issueDate: "2026-03-05", balanceMinor: -30000, currency: "EUR", kind: "credit", journalCode: "BQ", firstLine: 8 },
      { customerKey: "C002", customerName: "Martin SARL", accountNum: "411000", pieceRef: "F003", issueDate: "2026-02-01", balanceMinor: 80000, currency: "EUR", kind: "receivable", journalCode: "VT", firstLine: 6 },
      { customerKey: "C002", customerName: "Martin SARL", accountNum: "411000", pieceRef: "AV001", issueDate: "2026-03-10", balanceMinor: -10000, currency: "EUR", kind: "credit", journalCode: "VT", firstLine: 9 },
    ]);
  });

  it("moves with the as-of date: F002 was open before its lettering, F003 closes after it", async () => {
    const early = await deriveOpenReceivables(readFecEntries([FEC_SAMPLE]), { asOf: "2026-02-10" });
    expect(early.map((d) => `${d.pieceRef}:${d.balanceMinor}`)).toEqual(["F001:120000", "F002:50000", "F003:80000"]);
    const late = await deriveOpenReceivables(readFecEntries([FEC_SAMPLE]), { asOf: "2026-04-30" });
    expect(late.map((d) => `${d.pieceRef}:${d.balanceMinor}`)).toEqual(["F004:25050", "F001:120000", "BQ-0305:-30000", "F006:9000", "AV001:-10000"]);
  });

  it("keeps open what a partial lettrage leaves, on the group's newest invoices", async () => {
    const line = (num: string, date: string, customer: string, piece: string, debit: string, credit: string, letter: string, dateLet: string) =>
      ["VT", "Ventes", num, date, "411000", "Clients", customer, customer, piece, date, piece, debit, credit, letter, dateLet, date, "", ""].join("\t");
    const fec = [
      FEC_SAMPLE.split("\r\n")[0],
      // C7: invoice of 1000, a payment of 400 lettered with it → 600 still open on G1
      line("1", "20260105", "C7", "G1", "1000,00", "0,00", "AC", "20260210"),
      line("2", "20260210", "C7", "P1", "0,00", "400,00", "AC", "20260210"),
      // C8: two invoices and a payment of 600 lettered together → the older settled, 200 open on the newer
      line("3", "20260105", "C8", "H1", "500,00", "0,00", "AD", "20260215"),
      line("4", "20260201", "C8", "H2", "300,00", "0,00", "AD", "20260215"),
      line("5", "20260215", "C8", "P2", "0,00", "600,00", "AD", "20260215"),
      // C8: an unlettered line of H2 too (a later adjustment) adds to what is open on it
      line("6", "20260220", "C8", "H2", "10,00", "0,00", "", ""),
      // C9: an overpayment lettered with its invoice → a credit of 50 on the payment
      line("7", "20260105", "C9", "K1", "100,00", "0,00", "AE", "20260301"),
      line("8", "20260301", "C9", "P3", "0,00", "150,00", "AE", "20260301"),
    ].join("\r\n");
    const open = await deriveOpenReceivables(readFecEntries([fec]), { asOf: "2026-03-31" });
    expect(open.map((d) => `${d.customerKey}/${d.pieceRef}:${d.balanceMinor}`)).toEqual(["C7/G1:60000", "C8/H2:21000", "C9/P3:-5000"]);
    // before the lettering date the lines are simply open
    const early = await deriveOpenReceivables(readFecEntries([fec]), { asOf: "2026-02-08" });
    expect(early.map((d) => `${d.customerKey}/${d.pieceRef}:${d.balanceMinor}`)).toEqual(["C7/G1:100000", "C8/H1:50000", "C8/H2:30000", "C9/K1:10000"]);
  });

  it("honours another account prefix", async () => {
    expect(await deriveOpenReceivables(readFecEntries([FEC_SAMPLE]), { asOf: "2026-03-31", accountPrefix: "706" })).toEqual([
      expect.objectContaining({ customerKey: "706000", pieceRef: "F001", balanceMinor: -100000, kind: "credit" }),
    ]);
  });

  it("gives issue dates from which due dates follow the payment terms", async () => {
    const [first] = await deriveOpenReceivables(readFecEntries([FEC_SAMPLE]), { asOf: "2026-03-31" });
    expect(dueDateFromTerms(first!.issueDate, { days: 45, endOfMonth: "end-of-month-then-days" })).toBe("2026-05-15");
  });
});

describe("readFecEntries", () => {
  it("reads an ISO 8859-15 file with pipes, quotes in labels and Montant/Sens", async () => {
    const text =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Montant|Sens|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n" +
      'VT|Ventes|1|20260105|411000|Clients|C9|Société "Générale"|F9|20260105|Facture € 9|99,90|D||||||\n';
    // Latin-9 bytes: é = 0xE9, € = 0xA4
    const bytes = Uint8Array.from([...text].map((c) => (c === "€" ? 0xa4 : c.charCodeAt(0))));
    const entries = [];
    for await (const entry of readFecEntries(decodeByteChunks([bytes.slice(0, 200), bytes.slice(200)], { encoding: "iso-8859-15" }))) entries.push(entry);
    expect(entries).toEqual([expect.objectContaining({ line: 2, compAuxLib: 'Société "Générale"', ecritureLib: "Facture € 9", debitMinor: 9990, creditMinor: 0 })]);
  });

  it("stops at the first bad line, or reports every bad line to onError", async () => {
    const broken = FEC_SAMPLE.replace("\t20260115\t411000", "\t20260132\t411000");
    await expect(deriveOpenReceivables(readFecEntries([broken]), { asOf: "2026-03-31" })).rejects.toThrow('line 4, EcritureDate ("20260132"): not a calendar date');
    const errors: FecLineError[] = [];
    const open = await deriveOpenReceivables(readFecEntries([broken], { onError: (e) => errors.push(e) }), { asOf: "2026-03-31" });
    expect(errors.map((e) => [e.line, e.column])).toEqual([[4, "EcritureDate"]]);
    // without its invoice line, the payment lettered with it no longer balances: it stays open as a credit
    expect(open.map((d) => `${d.pieceRef}:${d.balanceMinor}`)).toContain("BQ-0220:-50000");
    expect(open).toHaveLength(6);
  });

  it("refuses a file without a FEC header", async () => {
    await expect(deriveOpenReceivables(readFecEntries(["a;b\n1;2\n"]), { asOf: "2026-03-31" })).rejects.toThrow(/not a FEC header/);
    await expect(deriveOpenReceivables(readFecEntries([""]), { asOf: "2026-03-31" })).rejects.toThrow(/empty/);
  });
});
