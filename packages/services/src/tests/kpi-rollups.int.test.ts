import { applyAllocations, findKpiRollupDrift, insertCases, insertPaymentIfNew, reverseAllocation, withTenant, type Database, type OrganizationRow } from "@relance/db";
import { addDays } from "@relance/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileSourceFromText } from "../imports/file-source.ts";
import { importFile } from "../imports/import-file.ts";
import { listReasons, openDispute, resolveDispute } from "../disputes/index.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase, type TestMember } from "../testing/index.ts";
import type { ServiceDeps } from "../deps.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  deps = buildDeps(db).deps;
});
afterAll(async () => db.close());

const HEADER =
  "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency,document_type";
const DEBTORS = 3;
const INVOICES = 6;

/** One line of an import: which invoice, its figures, and the debtor's dimensions at that import. */
const importLine = fc.record({
  debtor: fc.integer({ min: 0, max: DEBTORS - 1 }),
  invoice: fc.integer({ min: 0, max: INVOICES - 1 }),
  creditNote: fc.boolean(),
  issueOffset: fc.integer({ min: -120, max: 5 }),
  terms: fc.constantFrom(0, 30, 45),
  amount: fc.integer({ min: 1, max: 500_000 }),
  openShare: fc.constantFrom(0, 0.5, 1),
  currency: fc.constantFrom("EUR", "CHF"),
  swiss: fc.boolean(),
  b2c: fc.boolean(),
});

const importOperation = fc.record({
  op: fc.constant("import" as const),
  lines: fc.uniqueArray(importLine, { minLength: 1, maxLength: 5, selector: (l) => l.invoice }),
});
const operation = fc.oneof(
  importOperation,
  fc.record({ op: fc.constant("pay" as const), invoice: fc.integer({ min: 0, max: INVOICES - 1 }), share: fc.constantFrom(0.3, 1) }),
  fc.record({ op: fc.constant("reverse" as const) }),
  fc.record({ op: fc.constant("writeOff" as const), invoice: fc.integer({ min: 0, max: INVOICES - 1 }) }),
  fc.record({ op: fc.constant("moveDue" as const), invoice: fc.integer({ min: 0, max: INVOICES - 1 }), days: fc.integer({ min: -20, max: 40 }) }),
  fc.record({ op: fc.constant("owner" as const), debtor: fc.integer({ min: 0, max: DEBTORS - 1 }), owner: fc.integer({ min: -1, max: 1 }) }),
  fc.record({ op: fc.constant("deleteInvoice" as const), invoice: fc.integer({ min: 0, max: INVOICES - 1 }) }),
  // a dispute on an open invoice, settled by a credit note (all or part of it, allocated against the invoice) or rejected
  fc.record({
    op: fc.constant("dispute" as const),
    invoice: fc.integer({ min: 0, max: INVOICES - 1 }),
    resolution: fc.constantFrom("credit_note" as const, "partial" as const, "rejected" as const, "open" as const),
  }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const TODAY = "2026-03-02";
type ImportLine = typeof importLine extends fc.Arbitrary<infer T> ? T : never;
const csvOf = (lines: ImportLine[]) =>
  [
    HEADER,
    ...lines.map((l) => {
      const issue = addDays(TODAY, l.issueOffset);
      const amount = (l.amount / 100).toFixed(2);
      const open = (Math.round(l.amount * l.openShare) / 100).toFixed(2);
      const sign = l.creditNote ? "-" : "";
      return [
        `D${l.debtor}`, `Debtor ${l.debtor}`, l.swiss ? "CH" : "FR", l.b2c ? "b2c" : "b2b", `I${l.invoice}`, `N${l.invoice}`, issue,
        addDays(issue, l.terms), `${sign}${amount}`, `${sign}${open}`, l.currency, l.creditNote ? "credit_note" : "invoice",
      ].join(",");
    }),
  ].join("\n");

const apply = async (org: OrganizationRow, owners: string[], op: Operation, step: number, collector?: TestMember): Promise<void> => {
  const tenant = (work: Parameters<typeof withTenant<void>>[2]) => withTenant(db.sql, org.id, work);
  switch (op.op) {
    case "import": {
      const summary = await importFile(deps, { orgId: org.id, userId: null }, {
        source: fileSourceFromText("items.csv", csvOf(op.lines)),
        asOf: TODAY,
        acceptValidRows: false,
        request: { kind: "csv" },
      });
      expect(summary.status, JSON.stringify(summary.rejections)).toBe("succeeded");
      return;
    }
    case "pay":
      return tenant(async (tx) => {
        const [invoice] = await tx<{ id: string; openMinor: number; currency: string }[]>`
          select id, open_minor as "openMinor", currency from invoices where kind = 'invoice' and open_minor > 0
          order by external_id offset ${op.invoice} % greatest(1, (select count(*) from invoices where kind = 'invoice' and open_minor > 0)) limit 1`;
        if (!invoice) return;
        const amount = Math.max(1, Math.floor(invoice.openMinor * op.share));
        const paymentId = await insertPaymentIfNew(tx, {
          orgId: org.id, dedupeKey: `p-${step}-${Math.random()}`, statementId: null, bookingDate: TODAY, valueDate: null, amountMinor: amount,
          currency: invoice.currency, payerName: null, payerIban: null, reference: null, remittanceText: null, xmlPath: null, source: "manual",
        });
        await applyAllocations(tx, [{ orgId: org.id, paymentId: paymentId!, invoiceId: invoice.id, amountMinor: amount, rule: "manual", createdBy: null }]);
      });
    case "reverse":
      return tenant(async (tx) => {
        const [last] = await tx<{ id: string }[]>`select id from payment_allocations where reversed_at is null order by created_at desc, id limit 1`;
        if (last) await reverseAllocation(tx, last.id, null);
      });
    case "writeOff":
      return tenant(async (tx) => {
        await tx`update invoices set written_off_minor = written_off_minor + open_minor, open_minor = 0
                 where external_id = ${`I${op.invoice}`} and kind = 'invoice' and open_minor > 0`;
      });
    case "moveDue":
      return tenant(async (tx) => {
        await tx`update invoices set due_date = greatest(issue_date, due_date + ${op.days}::int) where external_id = ${`I${op.invoice}`}`;
      });
    case "owner":
      return tenant(async (tx) => {
        await tx`update debtors set sales_owner_id = ${op.owner < 0 ? null : owners[op.owner]!}::uuid where external_id = ${`D${op.debtor}`}`;
      });
    case "dispute": {
      if (!collector) return;
      const target = await withTenant(db.sql, org.id, async (tx) => {
        const [invoice] = await tx<{ id: string; debtorId: string; openMinor: number }[]>`
          select i.id, i.debtor_id as "debtorId", i.open_minor as "openMinor" from invoices i
          where i.kind = 'invoice' and i.open_minor > 1 and not exists (select 1 from dispute_invoices di where di.invoice_id = i.id and di.active)
          order by i.external_id offset ${op.invoice} % greatest(1, (select count(*) from invoices where kind = 'invoice' and open_minor > 1)) limit 1`;
        if (!invoice) return null;
        const [open] = await tx<{ id: string }[]>`select id from cases where debtor_id = ${invoice.debtorId} and status = 'open'`;
        const caseId = open?.id ?? (await insertCases(tx, [{ orgId: org.id, debtorId: invoice.debtorId, stage: "reminder_1", assigneeId: null }]))[0]!;
        return { ...invoice, caseId };
      });
      if (!target) return;
      const [reason] = await listReasons(deps, collector);
      const { disputeId } = await openDispute(deps, collector, { caseId: target.caseId, invoiceIds: [target.id], reasonId: reason!.id });
      if (op.resolution === "open") return;
      await resolveDispute(deps, collector, {
        disputeId,
        resolution: op.resolution,
        ...(op.resolution === "partial" ? { creditedMinor: Math.floor(target.openMinor / 2) } : {}),
      });
      return;
    }
    case "deleteInvoice":
      // allocations go with the invoice; one that a dispute or a credit note refers to stays (history)
      return tenant(async (tx) => {
        await tx`
          delete from invoices i where i.external_id = ${`I${op.invoice}`}
            and not exists (select 1 from dispute_invoices di where di.invoice_id = i.id)
            and not exists (select 1 from disputes x where x.credit_note_id = i.id)
            and not exists (select 1 from credit_note_allocations c where c.invoice_id = i.id or c.credit_note_id = i.id)`;
      });
  }
};

describe("KPI rollups", () => {
  it("equal a full recompute from the base tables after any sequence of imports, payments, credit notes, write-offs, disputes and due-date changes", async () => {
    await fc.assert(
      // every sequence starts with an import, so that the later changes have invoices to act on
      fc.asyncProperty(importOperation, fc.array(operation, { minLength: 1, maxLength: 10 }), async (first, rest) => {
        const operations: Operation[] = [first, ...rest];
        const org = await buildOrg(deps);
        const owners = [(await buildMember(deps, org, "sales")).userId, (await buildMember(deps, org, "sales")).userId];
        const collector = await buildMember(deps, org, "credit_manager");
        for (const [step, op] of operations.entries()) await apply(org, owners, op, step, collector);
        const drift = await withTenant(db.sql, org.id, (tx) => findKpiRollupDrift(tx));
        expect(drift).toEqual([]);
        // and they hold something whenever the ledger does
        const [totals] = await withTenant(db.sql, org.id, (tx) => tx<{ ledger: number; rollup: number }[]>`
          select (select coalesce(sum(open_minor), 0) from invoices)::bigint as ledger,
                 (select coalesce(sum(open_minor), 0) from kpi_open_rollup where all_owners)::bigint as rollup`);
        expect(totals!.rollup).toBe(totals!.ledger);
      }),
      { numRuns: Number(process.env.KPI_PROPERTY_RUNS ?? 40) },
    );
  }, 240_000);

  it("keeps the figures of one tenant out of another's rollups", async () => {
    const a = await buildOrg(deps);
    const b = await buildOrg(deps);
    await apply(a, [], { op: "import", lines: [{ debtor: 0, invoice: 0, creditNote: false, issueOffset: -40, terms: 30, amount: 12_345, openShare: 1, currency: "EUR", swiss: false, b2c: false }] }, 0);
    const seen = await withTenant(db.sql, b.id, (tx) => tx<{ n: number }[]>`
      select ((select count(*) from kpi_open_rollup) + (select count(*) from kpi_sales_rollup) + (select count(*) from kpi_ar_movements))::int as n`);
    expect(seen[0]!.n).toBe(0);
    const own = await withTenant(db.sql, a.id, (tx) => tx<{ openMinor: number }[]>`select open_minor as "openMinor" from kpi_open_rollup where all_owners`);
    expect(own).toEqual([{ openMinor: 12_345 }]);
  });
});
