import type { Database } from "@relance/db";
import { withTenant } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEC_SAMPLE } from "../../../domain/src/ledger/fec/fec-fixture.ts";
import type { ServiceDeps } from "../deps.ts";
import { fileSourceFromBytes, fileSourceFromText } from "../imports/file-source.ts";
import { importFile, type ImportRequest } from "../imports/import-file.ts";
import { exportOpenItems } from "../imports/export-open-items.ts";
import { allocatePaymentManually, listMatchingQueue, undoAllocation } from "../payments/matching-queue.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { buildCamt053 } from "./camt-builder.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const HEADER =
  "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency,payment_reference";
const CSV = [
  HEADER,
  "C1,Menuiserie Roux SARL,FR,b2b,F-1,FA-001,2026-01-05,2026-02-04,1200.00,1200.00,EUR,RF18539007547034",
  "C1,Menuiserie Roux SARL,FR,b2b,F-2,FA-002,2026-01-10,2026-02-09,300.50,300.50,EUR,",
  "C1,Menuiserie Roux SARL,FR,b2b,F-3,FA-003,2026-01-20,2026-02-19,450.00,450.00,EUR,",
  'C2,Boulangerie Favre Sàrl,CH,b2b,F-4,RE-004,2026-01-12,2026-02-11,"1\'250.00",1250.00,CHF,',
].join("\n");

const run = (orgId: string, name: string, content: string | Uint8Array, request: ImportRequest, acceptValidRows = false) =>
  importFile(deps, { orgId, userId: null }, {
    source: typeof content === "string" ? fileSourceFromText(name, content) : fileSourceFromBytes(name, content),
    asOf: "2026-03-01",
    acceptValidRows,
    request,
  });

const ledgerOf = (orgId: string) =>
  withTenant(db.sql, orgId, async (tx) => ({
    debtors: await tx<{ externalId: string; name: string }[]>`select external_id as "externalId", name from debtors order by external_id`,
    invoices: await tx<{ externalId: string; openMinor: number; amountMinor: number; kind: string }[]>`
      select external_id as "externalId", open_minor as "openMinor", amount_minor as "amountMinor", kind from invoices order by external_id`,
  }));

describe("CSV import", () => {
  it("imports the canonical CSV, and a second import of the same file changes nothing", async () => {
    const org = await buildOrg(deps);
    const first = await run(org.id, "open-items.csv", CSV, { kind: "csv" });
    expect(first).toMatchObject({ status: "succeeded", rowsTotal: 4, rowsImported: 4, rowsRejected: 0 });
    expect(first.details).toMatchObject({ debtorsCreated: 2, invoicesCreated: 4 });
    const before = await ledgerOf(org.id);
    expect(before.invoices.map((i) => [i.externalId, i.openMinor])).toEqual([["F-1", 120000], ["F-2", 30050], ["F-3", 45000], ["F-4", 125000]]);
    const second = await run(org.id, "open-items.csv", CSV, { kind: "csv" });
    expect(second.details).toMatchObject({ debtorsCreated: 0, invoicesCreated: 0, invoicesUpdated: 4 });
    expect(await ledgerOf(org.id)).toEqual(before);
  });

  it("rewrites only the rows a re-import changes, and gives one import's invoices increasing ids in file order", async () => {
    const org = await buildOrg(deps);
    await run(org.id, "open-items.csv", CSV, { kind: "csv" });
    const versions = () =>
      withTenant(db.sql, org.id, async (tx) => ({
        invoices: await tx<{ externalId: string; id: string; version: string }[]>`
          select external_id as "externalId", id::text as id, xmin::text as version from invoices order by external_id`,
        debtors: await tx<{ externalId: string; version: string }[]>`
          select external_id as "externalId", xmin::text as version from debtors order by external_id`,
      }));
    const before = await versions();
    expect([...before.invoices].sort((a, b) => (a.id < b.id ? -1 : 1)).map((i) => i.externalId)).toEqual(["F-1", "F-2", "F-3", "F-4"]);

    const changed = CSV.replace("F-2,FA-002,2026-01-10,2026-02-09,300.50,300.50", "F-2,FA-002,2026-01-10,2026-02-09,300.50,100.50");
    const second = await run(org.id, "open-items.csv", changed, { kind: "csv" });
    expect(second.details).toMatchObject({ debtorsCreated: 0, debtorsUpdated: 2, invoicesCreated: 0, invoicesUpdated: 4 });
    const after = await versions();
    expect(after.debtors).toEqual(before.debtors);
    const rewritten = after.invoices.filter((row, i) => row.version !== before.invoices[i]!.version).map((row) => row.externalId);
    expect(rewritten).toEqual(["F-2"]);
    expect((await ledgerOf(org.id)).invoices.find((i) => i.externalId === "F-2")?.openMinor).toBe(10050);
  });

  it("writes nothing from a file with a bad row, names line and field, and imports the valid rows only when asked", async () => {
    const org = await buildOrg(deps);
    const bad = `${CSV}\nC3,Verrerie Lambert SAS,FR,b2b,F-5,FA-005,2026-02-31,2026-03-01,10.00,20.00,EUR,`;
    const rejected = await run(org.id, "bad.csv", bad, { kind: "csv" });
    expect(rejected).toMatchObject({ status: "rejected", rowsTotal: 5, rowsImported: 0, rowsRejected: 1 });
    expect(rejected.rejections.map((r) => [r.line, r.field])).toEqual([[6, "issue_date"]]);
    expect(rejected.rejections[0]!.message).toBe('line 6, issue_date ("2026-02-31"): not a calendar date');
    expect((await ledgerOf(org.id)).invoices).toEqual([]);
    const partial = await run(org.id, "bad.csv", bad, { kind: "csv" }, true);
    expect(partial).toMatchObject({ status: "partial", rowsImported: 4, rowsRejected: 1 });
    expect((await ledgerOf(org.id)).debtors.map((d) => d.externalId)).toEqual(["C1", "C2"]);
  });

  it("rejects a second row with the same invoice id, naming both lines", async () => {
    const org = await buildOrg(deps);
    const dup = `${CSV}\nC1,Menuiserie Roux SARL,FR,b2b,F-2,FA-002,2026-01-10,2026-02-09,300.50,300.50,EUR,`;
    const summary = await run(org.id, "dup.csv", dup, { kind: "csv" });
    expect(summary).toMatchObject({ status: "rejected", rowsRejected: 1 });
    expect(summary.rejections[0]!.message).toBe('line 6, invoice_external_id ("F-2"): already on line 3');
    expect((await ledgerOf(org.id)).invoices).toEqual([]);
  });

  it("reads a French export: semicolons, decimal commas, day-first dates, Windows-1252, mapped by header names", async () => {
    const org = await buildOrg(deps);
    const text = [
      "Code client;Client;Pays;Type client;N° facture;Date facture;Date d'échéance;Montant TTC;Reste dû;Devise",
      "D7;Société Générale d'Équipement;FR;b2b;FA-7001;05/01/2026;04/02/2026;1 234,56;1 234,56;EUR",
    ].join("\r\n");
    // Windows-1252 bytes for é, É, °: the encoding is detected
    const bytes = Uint8Array.from([...text].map((ch) => ({ é: 0xe9, É: 0xc9, "°": 0xb0, û: 0xfb })[ch] ?? ch.charCodeAt(0)));
    const summary = await run(org.id, "export.csv", bytes, { kind: "csv" });
    expect(summary.rejections).toEqual([]);
    expect(summary.status).toBe("succeeded");
    const ledger = await ledgerOf(org.id);
    expect(ledger.debtors).toEqual([{ externalId: "D7", name: "Société Générale d'Équipement" }]);
    expect(ledger.invoices).toEqual([{ externalId: "FA-7001", openMinor: 123456, amountMinor: 123456, kind: "invoice" }]);
  });

  it("refuses a file whose header lacks a required column, naming it", async () => {
    const org = await buildOrg(deps);
    const summary = await run(org.id, "x.csv", "name,amount\nA,1", { kind: "csv" });
    expect(summary.status).toBe("failed");
    expect(summary.rejections[0]!.message).toMatch(/no column for: .*debtor_external_id/);
  });
});

describe("FEC import", () => {
  it("derives the open receivables at the as-of date and computes due dates from terms", async () => {
    const org = await buildOrg(deps);
    const summary = await importFile(deps, { orgId: org.id, userId: null }, {
      source: fileSourceFromText("123456789FEC20260331.txt", FEC_SAMPLE),
      asOf: "2026-03-31",
      acceptValidRows: false,
      request: { kind: "fec", accountPrefix: "411", defaultTermsDays: 30 },
    });
    expect(summary.status).toBe("succeeded");
    const ledger = await ledgerOf(org.id);
    // F001 and F003 open, the down payment and the credit note as credits, F004 on its own account; F002, F005, F006 out
    expect(ledger.invoices.map((i) => [i.externalId, i.openMinor, i.kind])).toEqual([
      ["AV001", -10000, "credit_note"],
      ["BQ-0305", -30000, "credit_note"],
      ["F001", 120000, "invoice"],
      ["F003", 80000, "invoice"],
      ["F004", 25050, "invoice"],
    ]);
    const [f001] = await withTenant(db.sql, org.id, (tx) => tx<{ due: string }[]>`select due_date as due from invoices where external_id = 'F001'`);
    expect(f001!.due).toBe("2026-02-09");
  });
});

describe("camt import and matching", () => {
  it("books payments once, matches by reference, amount + payer and combination, and queues the rest", async () => {
    const org = await buildOrg(deps);
    await run(org.id, "open-items.csv", CSV, { kind: "csv" });
    const camt = buildCamt053("STMT-1", [
      { ref: "A1", amount: "1200.00", structuredRef: "RF18 5390 0754 7034", payer: "Someone" },
      { ref: "A2", amount: "750.50", payer: "MENUISERIE ROUX", iban: "FR1420041010050500013M02606" },
      { ref: "A3", amount: "99.99", payer: "Unknown payer", text: "merci" },
      { ref: "A4", amount: "5.00", status: "PDNG" },
      { ref: "A5", amount: "7.00", creditDebit: "DBIT" },
    ]);
    const summary = await run(org.id, "camt053.xml", camt, { kind: "camt" });
    expect(summary).toMatchObject({ status: "succeeded", rowsTotal: 3, rowsImported: 3 });
    expect(summary.details).toMatchObject({ matched_reference: 1, matched_combination: 1, unmatched: 1 });
    const open = Object.fromEntries((await ledgerOf(org.id)).invoices.map((i) => [i.externalId, i.openMinor]));
    expect(open).toMatchObject({ "F-1": 0, "F-2": 0, "F-3": 0, "F-4": 125000 });

    const again = await run(org.id, "camt053.xml", camt, { kind: "camt" });
    expect(again).toMatchObject({ rowsImported: 0 });
    expect(again.details).toMatchObject({ alreadyBooked: 3 });

    const actor = await buildMember(deps, org, "credit_manager");
    const queue = await listMatchingQueue(deps, actor, { limit: 10, offset: 0 });
    expect(queue.total).toBe(1);
    expect(queue.payments[0]).toMatchObject({ amountMinor: 9999, unappliedMinor: 9999, payerName: "Unknown payer" });
  });

  it("lets a person allocate a queued payment in one call, never beyond what is open", async () => {
    const org = await buildOrg(deps);
    await run(org.id, "open-items.csv", CSV, { kind: "csv" });
    await run(org.id, "c.xml", buildCamt053("STMT-2", [{ ref: "B1", amount: "500.00", payer: "Nobody we know" }]), { kind: "camt" });
    const actor = await buildMember(deps, org, "billing");
    const [queued] = (await listMatchingQueue(deps, actor, { limit: 10, offset: 0 })).payments;
    const ids = await withTenant(db.sql, org.id, (tx) => tx<{ id: string }[]>`select id from invoices where external_id in ('F-2', 'F-3') order by due_date`);
    const result = await allocatePaymentManually(deps, actor, { paymentId: queued!.id, invoiceIds: ids.map((r) => r.id) });
    expect(result.allocations.map((a) => a.amountMinor)).toEqual([30050, 19950]);
    expect(result.unappliedMinor).toBe(0);
    const open = Object.fromEntries((await ledgerOf(org.id)).invoices.map((i) => [i.externalId, i.openMinor]));
    expect(open).toMatchObject({ "F-2": 0, "F-3": 25050 });
    expect((await listMatchingQueue(deps, actor, { limit: 10, offset: 0 })).total).toBe(0);

    // undone: the invoice reopens and the payment waits again, the allocation kept as reversed
    await undoAllocation(deps, actor, result.allocations[1]!.allocationId);
    const reopened = Object.fromEntries((await ledgerOf(org.id)).invoices.map((i) => [i.externalId, i.openMinor]));
    expect(reopened).toMatchObject({ "F-2": 0, "F-3": 45000 });
    const [waiting] = (await listMatchingQueue(deps, actor, { limit: 10, offset: 0 })).payments;
    expect(waiting).toMatchObject({ id: queued!.id, unappliedMinor: 19950 });
    await expect(undoAllocation(deps, actor, result.allocations[1]!.allocationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("undoes an allocation on a document accounting has since re-issued as a credit note without touching it", async () => {
    const org = await buildOrg(deps);
    await run(org.id, "open-items.csv", CSV, { kind: "csv" });
    await run(org.id, "c.xml", buildCamt053("STMT-3", [{ ref: "B3", amount: "100.00", payer: "Nobody we know" }]), { kind: "camt" });
    const actor = await buildMember(deps, org, "billing");
    const [queued] = (await listMatchingQueue(deps, actor, { limit: 10, offset: 0 })).payments;
    const [f2] = await withTenant(db.sql, org.id, (tx) => tx<{ id: string }[]>`select id from invoices where external_id = 'F-2'`);
    const result = await allocatePaymentManually(deps, actor, { paymentId: queued!.id, invoiceIds: [f2!.id] });
    // accounting now says F-2 is a credit note of 300.50, fully used
    await run(org.id, "open-items.csv", CSV.replace("F-2,FA-002,2026-01-10,2026-02-09,300.50,300.50", "F-2,FA-002,2026-01-10,2026-02-09,-300.50,0.00"), { kind: "csv" });
    await undoAllocation(deps, actor, result.allocations[0]!.allocationId);
    expect((await ledgerOf(org.id)).invoices.find((i) => i.externalId === "F-2")).toMatchObject({ kind: "credit_note", openMinor: 0, amountMinor: -30050 });
    expect((await listMatchingQueue(deps, actor, { limit: 10, offset: 0 })).payments[0]).toMatchObject({ id: queued!.id, unappliedMinor: 10000 });
  });

  it("refuses a malformed statement whole, naming where", async () => {
    const org = await buildOrg(deps);
    const summary = await run(org.id, "broken.xml", "<Document><BkToCstmrStmt><Stmt><Id>X</Id><Ntry><Amt>1", { kind: "camt" });
    expect(summary.status).toBe("failed");
    expect(summary.rejections[0]!.message).toMatch(/line|Document/);
  });
});

describe("export and isolation", () => {
  it("exports open items with their outcome, and one tenant's import never touches another's", async () => {
    const mine = await buildOrg(deps);
    const other = await buildOrg(deps);
    await run(other.id, "open-items.csv", CSV, { kind: "csv" });
    await run(mine.id, "open-items.csv", CSV.split("\n").slice(0, 2).join("\n"), { kind: "csv" });
    expect((await ledgerOf(mine.id)).invoices).toHaveLength(1);
    expect((await ledgerOf(other.id)).invoices).toHaveLength(4);
    let csv = "";
    await exportOpenItems(deps, mine.id, "2026-03-15", (chunk) => {
      csv += chunk;
    });
    const lines = csv.trim().split("\n");
    expect(lines[0]).toMatch(/^invoice_external_id,invoice_number,debtor_external_id.*,payment_reference,late_interest,recovery_indemnity$/);
    // 1 200,00 € late 39 days at ECB 2.15 % + 10 points = 12.15 %: 15.58 €, and the €40 indemnity of a business debtor
    expect(lines.slice(1)).toEqual(["F-1,FA-001,C1,Menuiserie Roux SARL,invoice,2026-01-05,2026-02-04,EUR,1200.00,1200.00,0.00,0.00,open,39,RF18539007547034,15.58,40.00"]);
  });
});
