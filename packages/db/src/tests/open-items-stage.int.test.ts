import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { withTenant } from "../tenant.ts";
import { insertOrganization } from "../queries/organizations.ts";
import { createOpenItemsStage } from "../queries/open-items-stage.ts";
import type { OpenItemRow } from "../queries/open-items.ts";
import { openTestDatabase, uniqueSlug } from "../testing/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

const row = (line: number, invoice: string, debtor: string, name: string, openMinor: number): OpenItemRow & { line: number } => ({
  line, debtorExternalId: debtor, debtorName: name, debtorCountry: "FR", debtorSegment: "b2b", debtorIdentifier: null,
  debtorEmail: null, debtorLanguage: null, debtorPaymentTermsDays: null, invoiceExternalId: invoice, number: invoice,
  kind: "invoice", issueDate: "2026-01-05", dueDate: "2026-02-04", currency: "EUR", amountMinor: 10_000, openMinor,
  poNumber: null, paymentReference: null,
});

describe("open-items stage in chunks", () => {
  it("writes chunk by chunk as a whole file would: the first line of a duplicated invoice wins, the last line of a debtor", async () => {
    const org = await insertOrganization(db.sql, { slug: uniqueSlug("stage"), name: "Stage", country: "FR", defaultCurrency: "EUR" });
    const rows = [
      row(2, "F-1", "C1", "Roux", 1_000), row(3, "F-2", "C1", "Roux", 2_000), row(4, "F-1", "C2", "Favre", 9_000),
      row(5, "F-3", "C2", "Favre", 3_000), row(6, "F-2", "C1", "Roux SARL", 8_000), row(7, "F-4", "C1", "Roux SARL", 4_000),
      row(8, "F-5", "C1", "Roux SARL", 5_000), row(9, "F-5", "C1", "Roux SARL", 6_000),
    ];
    const result = await withTenant(db.sql, org.id, async (tx) => {
      const stage = await createOpenItemsStage(tx, db.mode, { orgId: org.id, asOf: "2026-03-01", updateDebtors: true, shouldWrite: () => true, chunkRows: 2 });
      for (const r of rows) await stage.add(r, r.line);
      await stage.close();
      const duplicates = await stage.duplicates(10);
      const counts = await stage.counts();
      const invoices = await tx<{ externalId: string; openMinor: number; debtor: string }[]>`
        select i.external_id as "externalId", i.open_minor as "openMinor", d.external_id as debtor
        from invoices i join debtors d on d.id = i.debtor_id order by i.external_id`;
      const debtors = await tx<{ externalId: string; name: string }[]>`select external_id as "externalId", name from debtors order by external_id`;
      return { duplicates, counts, invoices, debtors };
    });
    expect(result.duplicates).toEqual([
      { externalId: "F-1", line: 4, firstLine: 2 },
      { externalId: "F-2", line: 6, firstLine: 3 },
      { externalId: "F-5", line: 9, firstLine: 8 },
    ]);
    expect(result.invoices).toEqual([
      { externalId: "F-1", openMinor: 1_000, debtor: "C1" },
      { externalId: "F-2", openMinor: 2_000, debtor: "C1" },
      { externalId: "F-3", openMinor: 3_000, debtor: "C2" },
      { externalId: "F-4", openMinor: 4_000, debtor: "C1" },
      { externalId: "F-5", openMinor: 5_000, debtor: "C1" },
    ]);
    expect(result.debtors).toEqual([{ externalId: "C1", name: "Roux SARL" }, { externalId: "C2", name: "Favre" }]);
    expect(result.counts).toEqual({ debtorsCreated: 2, debtorsUpdated: 0, invoicesCreated: 5, invoicesUpdated: 0 });
  });

  it("stops writing once told the import will be undone, and keeps the keys for the duplicate check", async () => {
    const org = await insertOrganization(db.sql, { slug: uniqueSlug("stage"), name: "Stage", country: "FR", defaultCurrency: "EUR" });
    let write = true;
    const written = await withTenant(db.sql, org.id, async (tx) => {
      const stage = await createOpenItemsStage(tx, db.mode, { orgId: org.id, asOf: "2026-03-01", updateDebtors: true, shouldWrite: () => write, chunkRows: 2 });
      for (const r of [row(2, "F-1", "C1", "Roux", 1_000), row(3, "F-2", "C1", "Roux", 2_000)]) await stage.add(r, r.line);
      write = false;
      for (const r of [row(4, "F-3", "C1", "Roux", 1_000), row(5, "F-1", "C1", "Roux", 2_000)]) await stage.add(r, r.line);
      await stage.close();
      expect(await stage.duplicates(10)).toEqual([{ externalId: "F-1", line: 5, firstLine: 2 }]);
      return tx<{ externalId: string }[]>`select external_id as "externalId" from invoices order by 1`;
    });
    expect(written.map((i) => i.externalId)).toEqual(["F-1", "F-2"]);
  });
});
