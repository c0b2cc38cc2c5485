import type { Database, InvoiceListRow } from "@relance/db";
import { AppError, INVOICE_SORT_KEYS, OVERDUE_BUCKETS, type InvoiceStatus } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { listInvoicesPage } from "../ledger/list-invoices.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { addDebtor, addInvoices, AS_OF, daysAgo } from "../testing/ledger-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const numbers = (rows: InvoiceListRow[]) => rows.map((r) => r.number);
const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

/** One invoice of every status, at one debtor. */
const statusBook = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const debtor = await addDebtor(deps, org, { name: "Statuts SARL" });
  await addInvoices(deps, org, debtor, [
    { number: "S-OPEN", amountMinor: 10_000 },
    { number: "S-PART", amountMinor: 10_000, openMinor: 4_000 },
    { number: "S-PAID", amountMinor: 10_000, openMinor: 0 },
    { number: "S-WOFF", amountMinor: 10_000, openMinor: 0, writtenOffMinor: 10_000 },
    { number: "S-CRED", kind: "credit_note", amountMinor: -3_000, openMinor: 0 },
    { number: "S-CNOPEN", kind: "credit_note", amountMinor: -2_000, openMinor: -1_000 },
  ]);
  return { org, cm };
};

describe("invoice status", () => {
  it("is derived from kind and amounts", async () => {
    const { cm } = await statusBook();
    const all = await listInvoicesPage(deps, cm, { statuses: [], sort: "number" });
    expect(all.total).toBe(6);
    expect(Object.fromEntries(all.rows.map((r) => [r.number, r.status]))).toEqual({
      "S-OPEN": "open",
      "S-PART": "partially_paid",
      "S-PAID": "paid",
      "S-WOFF": "written_off",
      "S-CRED": "credited",
      "S-CNOPEN": "open",
    });
  });

  it("filters on one status or several, and shows open items by default", async () => {
    const { cm } = await statusBook();
    const only = async (statuses: InvoiceStatus[]) => numbers((await listInvoicesPage(deps, cm, { statuses, sort: "number" })).rows);
    expect(await only(["open"])).toEqual(["S-CNOPEN", "S-OPEN"]);
    expect(await only(["partially_paid"])).toEqual(["S-PART"]);
    expect(await only(["paid"])).toEqual(["S-PAID"]);
    expect(await only(["written_off"])).toEqual(["S-WOFF"]);
    expect(await only(["credited"])).toEqual(["S-CRED"]);
    expect(await only(["paid", "credited", "written_off"])).toEqual(["S-CRED", "S-PAID", "S-WOFF"]);
    expect(await only(["open", "paid"])).toEqual(["S-CNOPEN", "S-OPEN", "S-PAID"]);
    const byDefault = await listInvoicesPage(deps, cm, { sort: "number" });
    expect(numbers(byDefault.rows)).toEqual(["S-CNOPEN", "S-OPEN", "S-PART"]);
    expect(byDefault.total).toBe(3);
  });
});

/** Invoices due on each edge of each aging bucket, as of AS_OF. */
const agingBook = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "billing");
  const debtor = await addDebtor(deps, org);
  const days = [-10, 0, 1, 30, 31, 60, 61, 90, 91, 400];
  await addInvoices(deps, org, debtor, [
    ...days.map((d) => ({ number: `A${String(d + 100).padStart(3, "0")}`, dueDate: daysAgo(d), amountMinor: 1_000 + d })),
    { number: "PAID-45", dueDate: daysAgo(45), amountMinor: 500, openMinor: 0 },
  ]);
  return { org, cm };
};

describe("overdue buckets", () => {
  it("select open items by days past due, edges included", async () => {
    const { cm } = await agingBook();
    const expected: Record<string, number[]> = {
      not_due: [-10, 0],
      "1_30": [1, 30],
      "31_60": [31, 60],
      "61_90": [61, 90],
      over_90: [91, 400],
    };
    for (const bucket of OVERDUE_BUCKETS) {
      // the paid invoice due 45 days ago is not aged, whatever the status filter
      const page = await listInvoicesPage(deps, cm, { bucket, statuses: [], sort: "daysPastDue" });
      expect(page.rows.map((r) => r.daysPastDue), bucket).toEqual(expected[bucket]);
      expect(page.total).toBe(2);
    }
  });

  it("reports days past due as of today, and none once settled", async () => {
    const { cm } = await agingBook();
    const page = await listInvoicesPage(deps, cm, { statuses: [], sort: "dueDate", direction: "desc" });
    expect(page.asOf).toBe(AS_OF);
    expect(page.rows[0]).toMatchObject({ dueDate: daysAgo(-10), daysPastDue: -10 });
    expect(page.rows.find((r) => r.number === "PAID-45")).toMatchObject({ daysPastDue: null, status: "paid" });
  });
});

/** Two debtors, two owners, two currencies. */
const filterBook = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const [rep, other] = [await buildMember(deps, org, "sales"), await buildMember(deps, org, "sales")];
  const alpha = await addDebtor(deps, org, { name: "Alpha 100% Bois", salesOwnerId: rep.userId });
  const beta = await addDebtor(deps, org, { name: "Beta Métal", salesOwnerId: other.userId });
  const alphaIds = await addInvoices(deps, org, alpha, [
    { number: "FA-001", externalId: "ERP-9001", amountMinor: 100_000, dueDate: daysAgo(40) },
    { number: "FA-002", externalId: "ERP-9002", amountMinor: 50_000, openMinor: 20_000, dueDate: daysAgo(5) },
    { number: "FA-003", externalId: "ERP-9003", amountMinor: 70_000, currency: "CHF", dueDate: daysAgo(-5) },
  ]);
  await addInvoices(deps, org, beta, [
    { number: "FB-001", externalId: "ERP-8001", amountMinor: 30_000, dueDate: daysAgo(40) },
    { number: "FB-002", externalId: "ERP-8002", amountMinor: 20_000, currency: "CHF", dueDate: daysAgo(70) },
  ]);
  return { org, cm, rep, other, alpha, beta, alphaIds };
};

describe("invoice filters", () => {
  it("filter on currency, open amount, debtor, owner and bucket together", async () => {
    const { cm, rep, alpha } = await filterBook();
    const list = async (filters: Parameters<typeof listInvoicesPage>[2]) =>
      numbers((await listInvoicesPage(deps, cm, { sort: "number", ...filters })).rows);
    expect(await list({ currency: "CHF" })).toEqual(["FA-003", "FB-002"]);
    expect(await list({ minOpenMinor: 20_000, maxOpenMinor: 30_000 })).toEqual(["FA-002", "FB-001", "FB-002"]);
    expect(await list({ minOpenMinor: 70_000 })).toEqual(["FA-001", "FA-003"]);
    expect(await list({ debtorId: alpha })).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(await list({ ownerId: rep.userId })).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(await list({ bucket: "31_60" })).toEqual(["FA-001", "FB-001"]);
    expect(await list({ bucket: "31_60", currency: "EUR", ownerId: rep.userId })).toEqual(["FA-001"]);
    expect(await list({ bucket: "61_90", currency: "EUR" })).toEqual([]);
  });

  it("searches number and external id prefixes in any case, and debtor names", async () => {
    const { cm } = await filterBook();
    const search = async (text: string) => numbers((await listInvoicesPage(deps, cm, { search: text, sort: "number" })).rows);
    expect(await search("FA-00")).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(await search("fb-")).toEqual(["FB-001", "FB-002"]);
    expect(await search("erp-900")).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(await search("ERP-8002")).toEqual(["FB-002"]);
    expect(await search("métal")).toEqual(["FB-001", "FB-002"]);
    expect(await search("  beta  ")).toEqual(["FB-001", "FB-002"]);
    // a prefix, not a fragment; and LIKE wildcards are plain characters
    expect(await search("001")).toEqual([]);
    expect(await search("100%")).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(await search("%")).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(await search("_")).toEqual([]);
  });

  it("rejects invalid filters naming each field", async () => {
    const { cm } = await filterBook();
    const error = await caught(
      listInvoicesPage(deps, cm, { statuses: ["bogus" as InvoiceStatus], minOpenMinor: 1.5, ownerId: "nope", sort: "colour" as "number" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details.fields?.map((f) => f.path).sort()).toEqual(["minOpenMinor", "ownerId", "sort", "statuses.0"]);
    const range = await caught(listInvoicesPage(deps, cm, { minOpenMinor: 500, maxOpenMinor: 100 }));
    expect(range.details.fields?.map((f) => f.path)).toEqual(["maxOpenMinor"]);
  });
});

describe("invoice sorting and paging", () => {
  it("sorts on every key both ways, ties broken by id", async () => {
    const { cm } = await filterBook();
    const all = (await listInvoicesPage(deps, cm, { sort: "number" })).rows;
    const key: Record<(typeof INVOICE_SORT_KEYS)[number], (r: InvoiceListRow) => string | number> = {
      dueDate: (r) => r.dueDate,
      openMinor: (r) => r.openMinor,
      daysPastDue: (r) => r.daysPastDue!,
      debtorName: (r) => r.debtorName,
      number: (r) => r.number,
    };
    const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    for (const sort of INVOICE_SORT_KEYS) {
      for (const direction of ["asc", "desc"] as const) {
        const sign = direction === "asc" ? 1 : -1;
        // days past due sorts on the due date the other way round, its id tie-break included
        const tie = sort === "daysPastDue" ? -1 : 1;
        const expected = [...all].sort((a, b) => sign * (compare(key[sort](a), key[sort](b)) || tie * compare(a.id, b.id)));
        const got = (await listInvoicesPage(deps, cm, { sort, direction })).rows;
        expect(numbers(got), `${sort} ${direction}`).toEqual(numbers(expected));
      }
    }
  });

  it("pages without gaps or repeats and counts the whole selection", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "admin");
    const debtor = await addDebtor(deps, org);
    // equal due dates everywhere: only the id keeps the order stable
    await addInvoices(deps, org, debtor, Array.from({ length: 23 }, (_, i) => ({ number: `P-${i}`, amountMinor: 1_000, dueDate: daysAgo(3) })));
    const pages = [];
    for (let page = 0; page < 3; page++) pages.push(await listInvoicesPage(deps, cm, { page, pageSize: 10 }));
    expect(pages.map((p) => p.total)).toEqual([23, 23, 23]);
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 3]);
    const seen = pages.flatMap((p) => numbers(p.rows));
    expect(new Set(seen).size).toBe(23);
    expect((await listInvoicesPage(deps, cm, { page: 5, pageSize: 10 })).rows).toEqual([]);
  });
});

describe("invoice access", () => {
  it("shows a sales rep only the invoices of the debtors he owns", async () => {
    const { org, rep, other, beta } = await filterBook();
    const mine = await listInvoicesPage(deps, rep, { statuses: [], sort: "number" });
    expect(numbers(mine.rows)).toEqual(["FA-001", "FA-002", "FA-003"]);
    expect(mine.total).toBe(3);
    expect((await listInvoicesPage(deps, rep, { ownerId: other.userId })).total).toBe(0);
    expect((await listInvoicesPage(deps, rep, { debtorId: beta })).total).toBe(0);
    expect((await listInvoicesPage(deps, rep, { search: "Beta" })).total).toBe(0);
    const manager = await buildMember(deps, org, "manager");
    expect((await listInvoicesPage(deps, manager, {})).total).toBe(5);
  });

  it("never lists another tenant's invoices", async () => {
    const { beta } = await filterBook();
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect((await listInvoicesPage(deps, stranger, { statuses: [] })).total).toBe(0);
    expect((await listInvoicesPage(deps, stranger, { search: "FA" })).rows).toEqual([]);
    expect((await listInvoicesPage(deps, stranger, { debtorId: beta })).rows).toEqual([]);
  });
});
