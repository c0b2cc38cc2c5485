import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bookablePayments } from "./bookable-payments.ts";
import { collectCamt } from "./parse-camt.ts";
import { fnv1a64 } from "./stable-hash.ts";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("bookablePayments", () => {
  it("keeps booked, non-reversed credits, one per transaction, with stable dedupe keys", async () => {
    const [statement] = await collectCamt([fixture("camt053-v02.xml")]);
    const payments = bookablePayments(statement!);
    const account = "CH4431999123000889012";
    expect(payments.map((p) => [p.dedupeKey, p.amountMinor, p.structuredRef, p.unstructured])).toEqual([
      [`${account}:tx:TX-20260331-001-1`, 150000, "210000000003139471430009017", null],
      [`${account}:tx:TX-20260331-001-2`, 25050, "RF18539007547034", null],
      [`${account}:ntry:NTRY-20260331-001#3`, 74950, null, "Factures F-2026-0042 et F-2026-0043, merci"],
      // Ntry[2] reversal, Ntry[3] pending and Ntry[4] debit are left out; Ntry[5] has no reference at all
      [`${account}:hash:${fnv1a64("STMT-20260331-001|Document/BkToCstmrStmt/Stmt[1]/Ntry[5]")}`, 32000, null, "Versement Muster AG"],
    ]);
    expect(payments[0]).toMatchObject({ statementId: "STMT-20260331-001", bookingDate: "2026-03-31", debtorName: "Muster AG", currency: "CHF" });
    expect(payments[2]!.accountServicerRef).toBe("NTRY-20260331-001");
  });

  it("gives a camt.054 and the later camt.053 of the same payment the same key", async () => {
    const [notification] = await collectCamt([fixture("camt054-v04.xml")]);
    const [statement] = await collectCamt([fixture("camt053-v02.xml")]);
    const fromNotification = bookablePayments(notification!).map((p) => p.dedupeKey);
    const fromStatement = bookablePayments(statement!).map((p) => p.dedupeKey);
    expect(fromNotification).toEqual(["CH4431999123000889012:tx:TX-20260331-001-1"]);
    expect(fromStatement).toContain(fromNotification[0]);
  });

  it("is the same on a second import of the same file", async () => {
    const first = (await collectCamt([fixture("camt053-v08.xml")])).flatMap(bookablePayments).map((p) => p.dedupeKey);
    const second = (await collectCamt([fixture("camt053-v08.xml")])).flatMap(bookablePayments).map((p) => p.dedupeKey);
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first.length);
    // the BOOKED proprietary status is not the BOOK code: only the two EUR credits are bookable
    expect(first).toEqual(["FR7630006000011234567890189:tx:2026033100001-1", "FR7630006000011234567890189:ntry:2026033100002#1"]);
  });

  it("skips debit transactions inside a credit batch", async () => {
    const text = fixture("camt053-v08.xml").replace('<Amt Ccy="EUR">1200.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>', '<Amt Ccy="EUR">1200.00</Amt>\n            <CdtDbtInd>DBIT</CdtDbtInd>');
    const [statement] = await collectCamt([text]);
    expect(bookablePayments(statement!).map((p) => p.amountMinor)).toEqual([9990]);
  });
});

describe("fnv1a64", () => {
  it("matches the reference vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });
});
