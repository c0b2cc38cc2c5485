import { insertCases, withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { openDispute } from "../disputes/open-dispute.ts";
import { resolveDispute } from "../disputes/resolve-dispute.ts";
import { fileSourceFromText } from "../imports/file-source.ts";
import { importFile } from "../imports/import-file.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { reasonId } from "./disputes-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const csv = (open: string) =>
  ["debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency",
    `C1,Menuiserie Roux SARL,FR,b2b,F-1,FA-001,2026-01-05,2026-02-04,1200.00,${open},EUR`].join("\n");

describe("a credit note issued in Relance and the accounting imports", () => {
  it("survives a re-import of an export older than the credit, and yields to one that knows it", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const importAs = (asOf: string, open: string) =>
      importFile(deps, { orgId: org.id, userId: null }, { source: fileSourceFromText("open-items.csv", csv(open)), asOf, acceptValidRows: false, request: { kind: "csv" } });
    await importAs("2026-03-01", "1200.00");
    const { caseId, invoiceId } = await withTenant(db.sql, org.id, async (tx) => {
      const [inv] = await tx<{ id: string; debtorId: string }[]>`select id, debtor_id as "debtorId" from invoices where external_id = 'F-1'`;
      const [id] = await insertCases(tx, [{ orgId: org.id, debtorId: inv!.debtorId, stage: "reminder_1", assigneeId: null }]);
      return { caseId: id!, invoiceId: inv!.id };
    });
    const { disputeId } = await openDispute(deps, cm, { caseId, invoiceIds: [invoiceId], reasonId: await reasonId(deps, cm, "quantity"), disputedMinor: 20_000 });
    await resolveDispute(deps, cm, { disputeId, resolution: "credit_note" });
    const openOf = async () => withTenant(db.sql, org.id, async (tx) => (await tx<{ open: number }[]>`select open_minor as open from invoices where id = ${invoiceId}`)[0]!.open);
    expect(await openOf()).toBe(100_000);

    // the same export again (as of before the credit): the credit still counts
    await importAs("2026-03-01", "1200.00");
    expect(await openOf()).toBe(100_000);
    // a later export that booked the credit note: accounting's figure
    await importAs("2026-03-05", "1000.00");
    expect(await openOf()).toBe(100_000);
  });
});
