import type { Database } from "@relance/db";
import { AppError } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { getDebtorDetail } from "../ledger/get-debtor-detail.ts";
import { listDebtorOwners, listDebtorsPage, type DebtorPageQuery } from "../receivables/list-debtors.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { addContact, addDebtor, addInvoices, addPayment, AS_OF, daysAgo, completeDebtorDetails } from "../testing/ledger-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

/** A debtor with open items in every bucket and both currencies, contacts, an IBAN and payments. */
const debtorBook = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const rep = await buildMember(deps, org, "sales", { displayName: "Rep Rouge" });
  const debtor = await addDebtor(deps, org, { name: "Lilas SA", externalId: "C-LILAS", salesOwnerId: rep.userId });
  await completeDebtorDetails(deps, org, debtor, "FR7630006000011234567890189");
  await addContact(deps, org, debtor, { name: "Zoé Compta", email: "zoe@lilas.example", preferredChannel: "email" });
  await addContact(deps, org, debtor, { name: "Alain Achat", phone: "+33 6 00 00 00 00", preferredChannel: "phone", role: "buyer" });
  const ids = await addInvoices(deps, org, debtor, [
    { number: "L-FUT", dueDate: daysAgo(-5), amountMinor: 10_000, paymentReference: "RF18539007547034", poNumber: "PO-7" },
    { number: "L-TODAY", dueDate: AS_OF, amountMinor: 2_000 },
    { number: "L-1", dueDate: daysAgo(1), amountMinor: 3_000 },
    { number: "L-30", dueDate: daysAgo(30), amountMinor: 6_000, openMinor: 4_000 },
    { number: "L-45", dueDate: daysAgo(45), amountMinor: 5_000 },
    { number: "L-AV44", dueDate: daysAgo(44), kind: "credit_note", amountMinor: -1_500 },
    { number: "L-75", dueDate: daysAgo(75), amountMinor: 7_000 },
    { number: "L-120", dueDate: daysAgo(120), amountMinor: 8_000 },
    { number: "L-PAID", dueDate: daysAgo(50), amountMinor: 4_000, openMinor: 0 },
    { number: "L-CHF", dueDate: daysAgo(10), amountMinor: 9_900, currency: "CHF" },
  ]);
  await addPayment(deps, org, {
    bookingDate: "2026-02-20",
    amountMinor: 6_000,
    payerName: "LILAS SA",
    allocations: [
      { invoiceId: ids["L-30"]!, amountMinor: 2_000, rule: "reference" },
      { invoiceId: ids["L-PAID"]!, amountMinor: 4_000, rule: "amount-payer" },
    ],
  });
  await addPayment(deps, org, {
    bookingDate: "2026-02-25",
    amountMinor: 700,
    allocations: [{ invoiceId: ids["L-1"]!, amountMinor: 700, rule: "manual", reversed: true }],
  });
  // another debtor's payment stays off this page
  const other = await addDebtor(deps, org);
  const otherIds = await addInvoices(deps, org, other, [{ number: "O-1", amountMinor: 100, openMinor: 0 }]);
  await addPayment(deps, org, { bookingDate: "2026-02-28", amountMinor: 100, allocations: [{ invoiceId: otherIds["O-1"]!, amountMinor: 100 }] });
  return { org, cm, rep, debtor, ids };
};

describe("debtor page", () => {
  it("returns the debtor's fields, contacts and accounts", async () => {
    const { cm, rep, debtor } = await debtorBook();
    const detail = await getDebtorDetail(deps, cm, debtor);
    expect(detail.asOf).toBe(AS_OF);
    expect(detail.debtor).toEqual({
      id: debtor,
      externalId: "C-LILAS",
      name: "Lilas SA",
      identifier: "552100554",
      addressLine1: "12 rue des Lilas",
      addressLine2: "Bâtiment B",
      postalCode: "69003",
      city: "Lyon",
      country: "FR",
      email: "compta@lilas.example",
      phone: "+33 4 00 00 00 00",
      language: "fr",
      segment: "b2b",
      jurisdiction: "FR",
      paymentTermsDays: 45,
      creditLimitMinor: 5_000_000,
      creditLimitCurrency: "EUR",
      salesOwnerId: rep.userId,
      salesOwnerName: "Rep Rouge",
      openCaseId: null,
      openCaseStage: null,
    });
    expect(detail.contacts.map((c) => [c.name, c.preferredChannel, c.role])).toEqual([
      ["Alain Achat", "phone", "buyer"],
      ["Zoé Compta", "email", "accounts_payable"],
    ]);
    expect(detail.ibans).toEqual(["FR7630006000011234567890189"]);
  });

  it("lists open items oldest due first, with days past due and status", async () => {
    const { cm, debtor } = await debtorBook();
    const { openItems, openItemCount } = await getDebtorDetail(deps, cm, debtor);
    expect(openItemCount).toBe(9);
    expect(openItems.map((i) => [i.number, i.daysPastDue, i.status])).toEqual([
      ["L-120", 120, "open"],
      ["L-75", 75, "open"],
      ["L-45", 45, "open"],
      ["L-AV44", 44, "open"],
      ["L-30", 30, "partially_paid"],
      ["L-CHF", 10, "open"],
      ["L-1", 1, "open"],
      ["L-TODAY", 0, "open"],
      ["L-FUT", -5, "open"],
    ]);
    expect(openItems.find((i) => i.number === "L-FUT")).toMatchObject({ paymentReference: "RF18539007547034", poNumber: "PO-7", openMinor: 10_000 });
  });

  it("ages open amounts per currency and bucket, credit notes included", async () => {
    const { cm, debtor } = await debtorBook();
    const { aging } = await getDebtorDetail(deps, cm, debtor);
    const cells = (currency: string) =>
      Object.fromEntries(aging.find((a) => a.currency === currency)!.buckets.map((b) => [b.bucket, [b.totalMinor, b.itemCount]]));
    expect(aging.map((a) => [a.currency, a.totalMinor, a.itemCount])).toEqual([
      ["EUR", 37_500, 8],
      ["CHF", 9_900, 1],
    ]);
    expect(cells("EUR")).toEqual({ not_due: [12_000, 2], "1_30": [7_000, 2], "31_60": [3_500, 2], "61_90": [7_000, 1], over_90: [8_000, 1] });
    expect(cells("CHF")).toEqual({ not_due: [0, 0], "1_30": [9_900, 1], "31_60": [0, 0], "61_90": [0, 0], over_90: [0, 0] });
  });

  it("lists the payments allocated to its invoices, newest first, with reversals flagged", async () => {
    const { cm, debtor, ids } = await debtorBook();
    const { payments } = await getDebtorDetail(deps, cm, debtor);
    expect(payments).toEqual([
      expect.objectContaining({
        bookingDate: "2026-02-25",
        amountMinor: 700,
        reversed: false,
        allocations: [{ invoiceId: ids["L-1"], invoiceNumber: "L-1", amountMinor: 700, rule: "manual", reversed: true }],
      }),
      expect.objectContaining({
        bookingDate: "2026-02-20",
        amountMinor: 6_000,
        currency: "EUR",
        payerName: "LILAS SA",
        allocations: [
          { invoiceId: ids["L-30"], invoiceNumber: "L-30", amountMinor: 2_000, rule: "reference", reversed: false },
          { invoiceId: ids["L-PAID"], invoiceNumber: "L-PAID", amountMinor: 4_000, rule: "amount-payer", reversed: false },
        ],
      }),
    ]);
  });

  it("answers NOT_FOUND for another tenant's debtor, an unknown id and another rep's debtor", async () => {
    const { org, rep, debtor } = await debtorBook();
    expect((await getDebtorDetail(deps, rep, debtor)).debtor.id).toBe(debtor);
    const colleague = await buildMember(deps, org, "sales");
    expect((await caught(getDebtorDetail(deps, colleague, debtor))).code).toBe("NOT_FOUND");
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    const foreign = await caught(getDebtorDetail(deps, stranger, debtor));
    const unknown = await caught(getDebtorDetail(deps, stranger, crypto.randomUUID()));
    expect([foreign.code, foreign.message]).toEqual([unknown.code, unknown.message]);
    expect(foreign.code).toBe("NOT_FOUND");
    const malformed = await caught(getDebtorDetail(deps, stranger, "42"));
    expect([malformed.code, malformed.details.fields?.[0]?.path]).toEqual(["BAD_REQUEST", "debtorId"]);
  });
});

/** Four debtors with different segments, jurisdictions, owners and balances. */
const listBook = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "billing");
  const rep = await buildMember(deps, org, "sales", { displayName: "Anne Rep" });
  const other = await buildMember(deps, org, "sales", { displayName: "Bruno Rep" });
  const a = await addDebtor(deps, org, { name: "Alpha", externalId: "C-003", salesOwnerId: rep.userId });
  const b = await addDebtor(deps, org, { name: "Bravo", externalId: "C-001", segment: "b2c" });
  const c = await addDebtor(deps, org, { name: "Charlie", externalId: "C-002", jurisdiction: "CH", salesOwnerId: other.userId });
  await addDebtor(deps, org, { name: "Delta", externalId: "C-004" });
  await addInvoices(deps, org, a, [{ number: "A-1", amountMinor: 10_000, dueDate: daysAgo(-3) }]);
  await addInvoices(deps, org, b, [{ number: "B-1", amountMinor: 5_000, dueDate: daysAgo(10) }]);
  await addInvoices(deps, org, c, [
    { number: "C-1", amountMinor: 20_000, dueDate: daysAgo(40) },
    { number: "C-2", amountMinor: 10_000, dueDate: daysAgo(-40) },
  ]);
  return { org, cm, rep, other };
};

describe("debtor list", () => {
  const names = async (actor: Parameters<typeof listDebtorsPage>[1], q: Partial<DebtorPageQuery> = {}) => {
    const page = await listDebtorsPage(deps, actor, { search: null, page: 0, pageSize: 50, ...q });
    expect(page.total).toBe(page.rows.length);
    return page.rows.map((r) => r.name);
  };

  it("sorts by name, customer number, open balance and overdue balance", async () => {
    const { cm } = await listBook();
    expect(await names(cm)).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    expect(await names(cm, { sort: "externalId" })).toEqual(["Bravo", "Charlie", "Alpha", "Delta"]);
    expect(await names(cm, { sort: "openDesc" })).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    expect(await names(cm, { sort: "overdueDesc" })).toEqual(["Charlie", "Bravo", "Alpha", "Delta"]);
    const page = await listDebtorsPage(deps, cm, { search: null, page: 1, pageSize: 2, sort: "openDesc" });
    expect([page.total, page.rows.map((r) => r.name)]).toEqual([4, ["Bravo", "Delta"]]);
  });

  it("filters on segment, jurisdiction, owner and overdue items", async () => {
    const { cm, rep } = await listBook();
    expect(await names(cm, { segment: "b2c" })).toEqual(["Bravo"]);
    expect(await names(cm, { jurisdiction: "CH" })).toEqual(["Charlie"]);
    expect(await names(cm, { ownerId: rep.userId })).toEqual(["Alpha"]);
    expect(await names(cm, { overdueOnly: true })).toEqual(["Bravo", "Charlie"]);
    expect(await names(cm, { overdueOnly: true, segment: "b2b", sort: "overdueDesc" })).toEqual(["Charlie"]);
    expect(await names(cm, { search: "ha", jurisdiction: "FR" })).toEqual(["Alpha"]);
  });

  it("searches for % and _ as the characters themselves, not as wildcards", async () => {
    const { org, cm } = await listBook();
    await addDebtor(deps, org, { name: "Remise 100% SA", externalId: "C_9" });
    expect(await names(cm, { search: "%" })).toEqual(["Remise 100% SA"]);
    expect(await names(cm, { search: "C_" })).toEqual(["Remise 100% SA"]);
    expect(await names(cm, { search: "_" })).toEqual([]);
  });

  it("names each debtor's owner", async () => {
    const { cm } = await listBook();
    const page = await listDebtorsPage(deps, cm, { search: null, page: 0, pageSize: 50 });
    expect(page.rows.map((r) => r.salesOwnerName)).toEqual(["Anne Rep", null, "Bruno Rep", null]);
  });

  it("keeps a sales rep to his own debtors and owner, and a tenant to its own book", async () => {
    const { rep, other } = await listBook();
    expect(await names(rep)).toEqual(["Alpha"]);
    expect(await names(rep, { ownerId: other.userId })).toEqual([]);
    expect(await names(rep, { overdueOnly: true })).toEqual([]);
    expect((await listDebtorOwners(deps, rep)).map((o) => o.displayName)).toEqual(["Anne Rep"]);
    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect(await names(stranger, { sort: "openDesc" })).toEqual([]);
    expect(await listDebtorOwners(deps, stranger)).toEqual([]);
  });

  it("offers the tenant's sales reps as owners", async () => {
    const { cm, rep, other } = await listBook();
    expect(await listDebtorOwners(deps, cm)).toEqual([
      { userId: rep.userId, displayName: "Anne Rep" },
      { userId: other.userId, displayName: "Bruno Rep" },
    ]);
  });
});
