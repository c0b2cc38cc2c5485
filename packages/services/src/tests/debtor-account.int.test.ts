import { withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bringIntoCase, listAccessibleCases } from "../cases/case-access.ts";
import type { Actor, DomainEvent, ServiceDeps } from "../deps.ts";
import { assignDebtorOwner, changeDebtorCreditLimit } from "../ledger/change-debtor-account.ts";
import { getDebtorDetail } from "../ledger/get-debtor-detail.ts";
import { listDebtorTimeline } from "../ledger/list-debtor-timeline.ts";
import { listDebtorsPage } from "../receivables/list-debtors.ts";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught, fieldPaths } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
const events: DomainEvent[] = [];
beforeAll(async () => {
  db = await openTestDatabase();
  deps = { ...buildDeps(db).deps, events: { emit: (e) => events.push(e) } };
});
afterAll(async () => db.close());

const tenant = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager", { displayName: "Claire Crédit" });
  const emma = await buildMember(deps, org, "sales", { displayName: "Emma Vente" });
  const thomas = await buildMember(deps, org, "sales", { displayName: "Thomas Vente" });
  const { caseId, debtorId } = await buildCase(deps, org, { salesOwnerId: emma.userId });
  return { org, cm, emma, thomas, caseId, debtorId };
};
const seenCases = async (actor: Actor) => (await listAccessibleCases(deps, actor)).map((c) => c.id);

describe("a debtor's sales owner", () => {
  it("is changed by a credit manager: the new rep sees the debtor's case, the one before loses it live, and it is on the timeline", async () => {
    const { cm, emma, thomas, caseId, debtorId } = await tenant();
    expect(await seenCases(emma)).toEqual([caseId]);
    events.length = 0;
    expect(await assignDebtorOwner(deps, cm, { debtorId, salesOwnerId: thomas.userId })).toEqual({ changed: true });

    expect((await getDebtorDetail(deps, cm, debtorId)).debtor).toMatchObject({ salesOwnerId: thomas.userId, salesOwnerName: "Thomas Vente" });
    expect(await seenCases(thomas)).toEqual([caseId]);
    expect(await seenCases(emma)).toEqual([]);
    expect(await caught(getDebtorDetail(deps, emma, debtorId))).toMatchObject({ code: "NOT_FOUND" });
    expect(events).toEqual([
      { type: "case.access-revoked", orgId: cm.orgId, caseId, userId: emma.userId },
      { type: "case.changed", orgId: cm.orgId, caseId },
      { type: "ledger.changed", orgId: cm.orgId },
    ]);
    const [event] = (await listDebtorTimeline(deps, cm, { debtorId })).events;
    expect(event).toMatchObject({ kind: "assignment", caseId, actorName: "Claire Crédit", payload: { field: "salesOwner", fromName: "Emma Vente", toName: "Thomas Vente" } });

    // the same owner again changes nothing and says nothing
    events.length = 0;
    expect(await assignDebtorOwner(deps, cm, { debtorId, salesOwnerId: thomas.userId })).toEqual({ changed: false });
    expect(events).toEqual([]);
    expect((await listDebtorTimeline(deps, cm, { debtorId })).events).toHaveLength(1);
  });

  it("keeps the access a rep was brought into the case by, and may be nobody", async () => {
    const { cm, emma, caseId, debtorId } = await tenant();
    await withTenant(db.sql, cm.orgId, (tx) => bringIntoCase(tx, cm, { caseId, userIds: [emma.userId], reason: "mention" }));
    events.length = 0;
    await assignDebtorOwner(deps, cm, { debtorId, salesOwnerId: null });
    expect(await seenCases(emma)).toEqual([caseId]);
    expect(events.filter((e) => e.type === "case.access-revoked")).toEqual([]);
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor.salesOwnerId).toBeNull();
  });

  it("is a sales rep of the tenant, chosen by those who keep the ledger; nothing changes otherwise", async () => {
    const { org, cm, emma, thomas, debtorId } = await tenant();
    const manager = await buildMember(deps, org, "manager");
    const other = await tenant();
    const refusals = [
      [await caught(assignDebtorOwner(deps, emma, { debtorId, salesOwnerId: emma.userId })), "FORBIDDEN"],
      [await caught(assignDebtorOwner(deps, manager, { debtorId, salesOwnerId: thomas.userId })), "FORBIDDEN"],
      [await caught(assignDebtorOwner(deps, cm, { debtorId: other.debtorId, salesOwnerId: thomas.userId })), "NOT_FOUND"],
    ] as const;
    for (const [error, code] of refusals) expect(error.code).toBe(code);
    for (const salesOwnerId of [other.thomas.userId, manager.userId]) {
      const refused = await caught(assignDebtorOwner(deps, cm, { debtorId, salesOwnerId }));
      expect(refused.message).toBe("salesOwnerId: not a sales rep of this organization");
    }
    expect(fieldPaths(await caught(assignDebtorOwner(deps, cm, { debtorId, salesOwnerId: "emma" })))).toEqual(["salesOwnerId"]);
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor.salesOwnerId).toBe(emma.userId);
    expect((await getDebtorDetail(deps, other.cm, other.debtorId)).debtor.salesOwnerId).toBe(other.emma.userId);
  });
});

describe("a debtor's credit limit", () => {
  it("is set and cleared by a credit manager, in the tenant's currency, each change on the timeline", async () => {
    const { cm, debtorId, caseId } = await tenant();
    expect(await changeDebtorCreditLimit(deps, cm, { debtorId, creditLimitMinor: 2_000_000 })).toEqual({ changed: true });
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor).toMatchObject({ creditLimitMinor: 2_000_000, creditLimitCurrency: "EUR" });
    expect(await changeDebtorCreditLimit(deps, cm, { debtorId, creditLimitMinor: 2_000_000 })).toEqual({ changed: false });
    await changeDebtorCreditLimit(deps, cm, { debtorId, creditLimitMinor: null });
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor.creditLimitMinor).toBeNull();
    const { events } = await listDebtorTimeline(deps, cm, { debtorId });
    expect(events.map((e) => [e.kind, e.caseId, e.payload])).toEqual([
      ["credit_limit", caseId, { fromMinor: 2_000_000, toMinor: null, currency: "EUR" }],
      ["credit_limit", caseId, { fromMinor: null, toMinor: 2_000_000, currency: "EUR" }],
    ]);
  });

  it("puts the debtor in the list of those above their limit while he owes more than it", async () => {
    const { cm, debtorId } = await tenant();
    // buildCase's debtor owes 1,250.00 EUR
    const overLimit = async () => (await listDebtorsPage(deps, cm, { search: null, page: 0, pageSize: 50, overLimitOnly: true })).rows.map((d) => d.id);
    expect(await overLimit()).toEqual([]);
    await changeDebtorCreditLimit(deps, cm, { debtorId, creditLimitMinor: 100_000 });
    expect(await overLimit()).toEqual([debtorId]);
    expect((await listDebtorsPage(deps, cm, { search: null, page: 0, pageSize: 50, overLimitOnly: true })).total).toBe(1);
    await changeDebtorCreditLimit(deps, cm, { debtorId, creditLimitMinor: 125_000 });
    expect(await overLimit()).toEqual([]);
  });

  it("refuses what is not an amount, those who do not keep the ledger and another tenant's debtor, changing nothing", async () => {
    const { org, cm, emma, debtorId } = await tenant();
    const manager = await buildMember(deps, org, "manager");
    for (const creditLimitMinor of [-1, 10.5, "1000"]) {
      expect(fieldPaths(await caught(changeDebtorCreditLimit(deps, cm, { debtorId, creditLimitMinor })))).toEqual(["creditLimitMinor"]);
    }
    expect((await caught(changeDebtorCreditLimit(deps, emma, { debtorId, creditLimitMinor: 1 }))).code).toBe("FORBIDDEN");
    expect((await caught(changeDebtorCreditLimit(deps, manager, { debtorId, creditLimitMinor: 1 }))).code).toBe("FORBIDDEN");
    const other = await tenant();
    expect((await caught(changeDebtorCreditLimit(deps, cm, { debtorId: other.debtorId, creditLimitMinor: 1 }))).code).toBe("NOT_FOUND");
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor.creditLimitMinor).toBeNull();
    expect((await getDebtorDetail(deps, other.cm, other.debtorId)).debtor.creditLimitMinor).toBeNull();
  });
});
