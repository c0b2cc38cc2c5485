import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectCamt, parseCamt } from "./parse-camt.ts";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const chunksOf = (text: string, size: number): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe("parseCamt on camt.053.001.02", () => {
  it("reads the statement header", async () => {
    const [statement] = await collectCamt(chunksOf(fixture("camt053-v02.xml"), 97));
    expect(statement!.statement).toEqual({
      id: "STMT-20260331-001",
      kind: "053",
      version: "camt.053.001.02",
      createdAt: "2026-03-31T18:00:00+02:00",
      iban: "CH4431999123000889012",
      accountId: "CH4431999123000889012",
      currency: "CHF",
      path: "Document/BkToCstmrStmt/Stmt[1]",
    });
  });

  it("reads a batched entry with three transactions in the old layout", async () => {
    const [statement] = await collectCamt([fixture("camt053-v02.xml")]);
    const batch = statement!.entries[0]!;
    expect(batch).toMatchObject({
      path: "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]",
      amountMinor: 250000,
      currency: "CHF",
      creditDebit: "CRDT",
      reversal: false,
      status: "BOOK",
      bookingDate: "2026-03-31",
      valueDate: "2026-03-31",
      accountServicerRef: "NTRY-20260331-001",
    });
    expect(batch.transactions).toEqual([
      {
        index: 1,
        path: "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]",
        amountMinor: 150000,
        currency: "CHF",
        creditDebit: null,
        endToEndId: "E2E-MUSTER-7",
        debtorName: "Muster AG",
        debtorIban: "CH9300762011623852957",
        structuredRef: "210000000003139471430009017",
        unstructured: null,
        accountServicerRef: "TX-20260331-001-1",
      },
      expect.objectContaining({ index: 2, amountMinor: 25050, endToEndId: null, debtorName: "Dupont Sàrl", structuredRef: "RF18539007547034" }),
      expect.objectContaining({
        index: 3,
        amountMinor: 74950,
        debtorName: "Boulangerie Martin",
        structuredRef: null,
        unstructured: "Factures F-2026-0042 et F-2026-0043, merci",
        accountServicerRef: null,
      }),
    ]);
    // the parts add up to the entry: 1500.00 + 250.50 + 749.50 = 2500.00
    expect(batch.transactions.reduce((sum, tx) => sum + tx.amountMinor, 0)).toBe(batch.amountMinor);
  });

  it("reads reversal, pending, debit and detail-less entries", async () => {
    const [statement] = await collectCamt([fixture("camt053-v02.xml")]);
    const summary = statement!.entries.slice(1).map((e) => [e.path.slice(-7), e.amountMinor, e.creditDebit, e.reversal, e.status, e.bookingDate, e.transactions.length]);
    expect(summary).toEqual([
      ["Ntry[2]", 10000, "CRDT", true, "BOOK", "2026-03-31", 0],
      ["Ntry[3]", 8000, "CRDT", false, "PDNG", null, 0],
      ["Ntry[4]", 4500, "DBIT", false, "BOOK", "2026-03-31", 0],
      ["Ntry[5]", 32000, "CRDT", false, "BOOK", "2026-03-31", 0],
    ]);
    expect(statement!.entries[3]!.additionalInfo).toBe("Frais de tenue de compte");
  });
});

describe("parseCamt on camt.053.001.08", () => {
  it("reads Sts/Cd, Dbtr/Pty/Nm, TxDtls/Amt and several statements", async () => {
    const statements = await collectCamt(chunksOf(fixture("camt053-v08.xml"), 13));
    expect(statements.map((s) => [s.statement.id, s.statement.version, s.statement.iban, s.statement.accountId, s.statement.currency])).toEqual([
      ["STMT-20260401-EUR", "camt.053.001.08", "FR7630006000011234567890189", "FR7630006000011234567890189", "EUR"],
      ["STMT-20260401-CHF", "camt.053.001.08", null, "0835-123456-01", "CHF"],
    ]);
    const [first, second, pending] = statements[0]!.entries;
    expect(first!.transactions[0]).toMatchObject({
      amountMinor: 120000,
      creditDebit: "CRDT",
      debtorName: "BOULANGERIE DUPONT SAS",
      debtorIban: "FR1420041010050500013M02606",
      structuredRef: "RF18000000000539007547034",
      endToEndId: "INV-F-2026-0042",
    });
    // a single transaction without its own amount takes the entry's
    expect(second!.transactions[0]).toMatchObject({ amountMinor: 9990, currency: "EUR", debtorName: "Martin & Fils", unstructured: "Rechnung R-7781" });
    expect(pending!.status).toBe("PDNG");
    expect(statements[1]!.entries[0]!.status).toBe("BOOKED");
    expect(statements[1]!.statement.path).toBe("Document/BkToCstmrStmt/Stmt[2]");
  });

  it("yields each statement as soon as it closes", async () => {
    const text = fixture("camt053-v08.xml");
    const cut = text.indexOf("<Stmt>", text.indexOf("</Stmt>"));
    const seen: string[] = [];
    async function* source() {
      yield text.slice(0, cut);
      seen.push("second chunk requested");
      yield text.slice(cut);
    }
    for await (const statement of parseCamt(source())) seen.push(statement.statement.id);
    expect(seen).toEqual(["STMT-20260401-EUR", "second chunk requested", "STMT-20260401-CHF"]);
  });
});

describe("parseCamt on camt.054.001.04", () => {
  it("matches local names whatever the namespace prefix", async () => {
    const [notification] = await collectCamt([fixture("camt054-v04.xml")]);
    expect(notification!.statement).toMatchObject({ id: "NTF-20260331-004-1", kind: "054", version: "camt.054.001.04", currency: null });
    expect(notification!.entries[0]!.path).toBe("Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]");
    expect(notification!.entries[0]!.transactions[0]).toMatchObject({ amountMinor: 150000, structuredRef: "210000000003139471430009017" });
  });
});

describe("parseCamt errors", () => {
  it("names line, column and path of malformed XML", async () => {
    await expect(collectCamt([fixture("malformed.xml")])).rejects.toThrow(
      /^camt: malformed XML at line 9, column 37 inside Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[1\]: unexpected close tag/,
    );
  });

  it("names the path and line of a missing required element", async () => {
    const text = fixture("camt053-v02.xml").replace("<CdtDbtInd>DBIT</CdtDbtInd>", "");
    await expect(collectCamt([text])).rejects.toThrow("camt: Document/BkToCstmrStmt/Stmt[1]/Ntry[4]: CdtDbtInd is missing (line 112)");
    const noAmount = fixture("camt053-v02.xml").replace('<AmtDtls><TxAmt><Amt Ccy="CHF">250.50</Amt></TxAmt></AmtDtls>', "");
    await expect(collectCamt([noAmount])).rejects.toThrow(
      "camt: Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]: no Amt, and the entry batches 3 transactions (line 60)",
    );
    const noId = fixture("camt053-v08.xml").replace("<Id>STMT-20260401-CHF</Id>", "");
    await expect(collectCamt([noId])).rejects.toThrow("camt: Document/BkToCstmrStmt/Stmt[2]: Id is missing (line 72)");
  });

  it("refuses other documents and truncated files", async () => {
    await expect(collectCamt(["<Document><CstmrCdtTrfInitn/></Document>"])).rejects.toThrow(
      "camt: Document/CstmrCdtTrfInitn is neither a camt.053 statement nor a camt.054 notification (line 1)",
    );
    await expect(collectCamt(["<html/>"])).rejects.toThrow("the root element is <html>");
    await expect(collectCamt([fixture("camt053-v02.xml").slice(0, 500)])).rejects.toThrow(/malformed XML/);
    await expect(collectCamt([""])).rejects.toThrow(/malformed XML|no camt/);
  });

  it("rejects bad amounts and indicators with their path", async () => {
    await expect(collectCamt([fixture("camt053-v02.xml").replace('<Amt Ccy="CHF">45.00</Amt>', '<Amt Ccy="CHF">45,00</Amt>')])).rejects.toThrow(
      /Stmt\[1\]\/Ntry\[4\]\/Amt: amount "45,00": unexpected thousands separator \(line 113\)/,
    );
    await expect(collectCamt([fixture("camt053-v02.xml").replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>OUT</CdtDbtInd>")])).rejects.toThrow(
      'Ntry[4]: CdtDbtInd "OUT" is neither CRDT nor DBIT',
    );
  });
});
