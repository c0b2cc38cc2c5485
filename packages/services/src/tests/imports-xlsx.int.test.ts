import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { withTenant, type Database } from "@relance/db";
import { writeWorkbook, writeWorkbookSheets, type WorkbookCell } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { fileSourceFromPath, fileSourceFromStream, type FileSource } from "../imports/file-source.ts";
import { importFile } from "../imports/import-file.ts";
import { previewOpenItemsCsv } from "../imports/preview-open-items-csv.ts";
import { buildDeps, buildOrg, openTestDatabase } from "../testing/index.ts";

let db: Database;
let deps: ServiceDeps;
let dir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
  dir = await mkdtemp(join(tmpdir(), "relance-xlsx-test-"));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** A French accounting export saved from Excel: its own header names, date cells, number cells. */
const ROWS: WorkbookCell[][] = [
  ["Code client", "Client", "Pays", "Type client", "N° facture", "Date facture", "Date d'échéance", "Montant TTC", "Reste dû", "Devise"],
  ["D7", "Société Générale d'Équipement", "FR", "b2b", "FA-7001", { date: "2026-01-05" }, { date: "2026-02-04" }, 1234.56, 1234.56, "EUR"],
  ["D7", "Société Générale d'Équipement", "FR", "b2b", "FA-7002", { date: "2026-01-20" }, { date: "2026-02-19" }, 500, 200.5, "EUR"],
  [null],
  ["D8", "Garage Besson", "FR", "b2c", 7003, { date: "2026-02-01" }, { date: "2026-03-03" }, 99.9, 99.9, "EUR"],
];
const deflate = (data: Uint8Array) => new Uint8Array(deflateRawSync(data));

/** An upload: the bytes arrive once, in pieces, as a request body does. */
const uploaded = (name: string, bytes: Uint8Array): FileSource =>
  fileSourceFromStream(name, bytes.length, (async function* () {
    for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
  })());

const onDisk = async (name: string, bytes: Uint8Array): Promise<FileSource> => {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return fileSourceFromPath(path);
};

const importWorkbook = (orgId: string, source: FileSource, sheet?: string) =>
  importFile(deps, { orgId, userId: null }, { source, asOf: "2026-03-01", acceptValidRows: false, request: { kind: "csv", sheet } });

const invoicesOf = (orgId: string) =>
  withTenant(db.sql, orgId, (tx) => tx<{ number: string; dueDate: string; amountMinor: number; openMinor: number }[]>`
    select number, due_date::text as "dueDate", amount_minor as "amountMinor", open_minor as "openMinor" from invoices order by number`);

const spoolFiles = async () => (await readdir(tmpdir())).filter((n) => n.startsWith("relance-workbook-"));

describe("Excel workbook import", () => {
  it("imports an .xlsx uploaded or on disk exactly as the same CSV, by header names, and a second time changes nothing", async () => {
    const org = await buildOrg(deps);
    const spooledBefore = await spoolFiles();
    const first = await importWorkbook(org.id, uploaded("relances.xlsx", writeWorkbook(ROWS, { deflateRaw: deflate })));
    expect(first.rejections).toEqual([]);
    expect(first).toMatchObject({ status: "succeeded", rowsTotal: 3, rowsImported: 3 });
    expect(first.details).toMatchObject({ debtorsCreated: 2, invoicesCreated: 3 });
    const expected = [
      { number: "7003", dueDate: "2026-03-03", amountMinor: 9990, openMinor: 9990 },
      { number: "FA-7001", dueDate: "2026-02-04", amountMinor: 123456, openMinor: 123456 },
      { number: "FA-7002", dueDate: "2026-02-19", amountMinor: 50000, openMinor: 20050 },
    ];
    expect(await invoicesOf(org.id)).toEqual(expected);
    // the upload was spooled to a private file, removed once read
    expect(await spoolFiles()).toEqual(spooledBefore);

    const second = await importWorkbook(org.id, await onDisk("relances.xlsx", writeWorkbook(ROWS)));
    expect(second.details).toMatchObject({ debtorsCreated: 0, invoicesCreated: 0, invoicesUpdated: 3 });
    expect(await invoicesOf(org.id)).toEqual(expected);
  });

  it("names the row Excel shows for a bad cell and writes nothing", async () => {
    const org = await buildOrg(deps);
    const rows = ROWS.map((row) => [...row]);
    rows[4]![6] = "31/02/2026";
    const summary = await importWorkbook(org.id, uploaded("bad.xlsx", writeWorkbook(rows)));
    expect(summary).toMatchObject({ status: "rejected", rowsRejected: 1, rowsImported: 0 });
    expect(summary.rejections.map((r) => [r.line, r.field])).toEqual([[5, "due_date"]]);
    expect(await invoicesOf(org.id)).toEqual([]);
  });

  it("refuses a damaged workbook whole, saying what is wrong", async () => {
    const org = await buildOrg(deps);
    const workbook = writeWorkbook(ROWS);
    const summary = await importWorkbook(org.id, uploaded("cut.xlsx", workbook.subarray(0, workbook.length - 100)));
    expect(summary.status).toBe("failed");
    expect(summary.rejections[0]!.message).toMatch(/Excel workbook: .*(ZIP|damaged)/);
    expect(await invoicesOf(org.id)).toEqual([]);
  });

  it("imports the sheet chosen by name, on disk or uploaded, and refuses one the workbook lacks, naming its sheets", async () => {
    const workbook = writeWorkbookSheets([
      { name: "Lisez-moi", rows: [["Export du 1er mars"], ["Ne pas modifier"]] },
      { name: "Encours", rows: ROWS },
    ]);
    const org = await buildOrg(deps);
    // the first sheet, read when none is chosen, has none of the columns an import needs
    const first = await importWorkbook(org.id, uploaded("export.xlsx", workbook));
    expect(first.status).toBe("failed");
    expect(first.rejections[0]!.message).toMatch(/no column for: debtor_external_id/);

    const missing = await importWorkbook(org.id, await onDisk("export.xlsx", workbook), "Relances");
    expect(missing.status).toBe("failed");
    expect(missing.rejections[0]!.message).toBe('Excel workbook: no sheet is named "Relances" (its sheets: "Lisez-moi", "Encours")');
    expect(await invoicesOf(org.id)).toEqual([]);

    const chosen = await importWorkbook(org.id, uploaded("export.xlsx", workbook), "Encours");
    expect(chosen).toMatchObject({ status: "succeeded", rowsImported: 3 });
    expect((await invoicesOf(org.id)).map((i) => i.number)).toEqual(["7003", "FA-7001", "FA-7002"]);
  });

  it("refuses a sheet for a file that is not a workbook, and writes nothing", async () => {
    const org = await buildOrg(deps);
    const csv = new TextEncoder().encode("debtor_external_id,debtor_name\nD1,Durand\n");
    const summary = await importWorkbook(org.id, uploaded("open-items.csv", csv), "Encours");
    expect(summary.status).toBe("failed");
    expect(summary.rejections[0]!.message).toBe('sheet "Encours": the file is not an Excel workbook, it has no sheets');
    expect(await invoicesOf(org.id)).toEqual([]);
  });

  it("previews a complete small workbook like a CSV, with the columns mapped by their names", async () => {
    const preview = await previewOpenItemsCsv(await onDisk("preview.xlsx", writeWorkbook(ROWS)), undefined, true);
    expect(preview.mappingProblem).toBeNull();
    expect(preview.missingRequired).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([[2, []], [3, []], [5, []]]);
    expect(preview.rows[0]!.cells.slice(5, 8)).toEqual(["2026-01-05", "2026-02-04", "1234.56"]);
  });
});
