import { withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent, ServiceDeps } from "../deps.ts";
import { bringIntoCase, findAccessibleCase, listAccessibleCases, listCaseAccess, revokeCaseParticipant } from "../cases/case-access.ts";
import { getCaseDetail, listCaseTimeline } from "../cases/get-case-detail.ts";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
const events: DomainEvent[] = [];
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
  deps = { ...deps, events: { emit: (e) => events.push(e) } };
});
afterAll(async () => db.close());

const tenant = async () => {
  const org = await buildOrg(deps);
  const admin = await buildMember(deps, org, "admin");
  const cm = await buildMember(deps, org, "credit_manager");
  const otherCm = await buildMember(deps, org, "credit_manager");
  const rep = await buildMember(deps, org, "sales", { displayName: "Sam Sales" });
  const owningRep = await buildMember(deps, org, "sales");
  const own = await buildCase(deps, org, { salesOwnerId: owningRep.userId });
  const other = await buildCase(deps, org);
  await withTenant(deps.db.sql, org.id, (tx) => tx`update cases set assignee_id = ${cm.userId} where id = ${other.caseId}`);
  return { org, admin, cm, otherCm, rep, owningRep, own, other };
};

const visibleCaseIds = async (actor: Parameters<typeof listAccessibleCases>[1]) => (await listAccessibleCases(deps, actor)).map((c) => c.id).sort();

describe("who sees a case", () => {
  it("a sales rep sees the cases of his debtors, and another case only once brought into it", async () => {
    const { cm, rep, owningRep, own, other } = await tenant();
    expect(await visibleCaseIds(owningRep)).toEqual([own.caseId]);
    expect(await visibleCaseIds(rep)).toEqual([]);
    expect((await caught(findAccessibleCase(deps, rep, other.caseId))).code).toBe("NOT_FOUND");
    expect((await caught(getCaseDetail(deps, rep, { caseId: other.caseId }))).code).toBe("NOT_FOUND");

    const granted = await withTenant(deps.db.sql, cm.orgId, (tx) => bringIntoCase(tx, cm, { caseId: other.caseId, userIds: [rep.userId], reason: "mention" }));
    expect(granted).toEqual([rep.userId]);
    expect(await visibleCaseIds(rep)).toEqual([other.caseId]);
    expect((await getCaseDetail(deps, rep, { caseId: other.caseId })).id).toBe(other.caseId);
    expect((await listCaseTimeline(deps, rep, { caseId: other.caseId })).events).toEqual([]);
    // bringing him in again is no new access
    expect(await withTenant(deps.db.sql, cm.orgId, (tx) => bringIntoCase(tx, cm, { caseId: other.caseId, userIds: [rep.userId], reason: "mention" }))).toEqual([]);
    expect(await listCaseAccess(deps, cm, { caseId: other.caseId })).toMatchObject([{ userId: rep.userId, displayName: "Sam Sales", reason: "mention", grantedBy: cm.userId, revokedAt: null }]);
  });

  it("the case's owner or an admin revokes a grant; other people may not; the rep no longer sees the case", async () => {
    const { admin, cm, otherCm, rep, other } = await tenant();
    await withTenant(deps.db.sql, cm.orgId, (tx) => bringIntoCase(tx, cm, { caseId: other.caseId, userIds: [rep.userId], reason: "mention" }));

    expect((await caught(revokeCaseParticipant(deps, otherCm, { caseId: other.caseId, userId: rep.userId }))).code).toBe("FORBIDDEN");
    expect((await caught(revokeCaseParticipant(deps, rep, { caseId: other.caseId, userId: rep.userId }))).code).toBe("FORBIDDEN");
    expect(await visibleCaseIds(rep)).toEqual([other.caseId]);

    events.length = 0;
    await revokeCaseParticipant(deps, cm, { caseId: other.caseId, userId: rep.userId });
    expect(events).toEqual([{ type: "case.access-revoked", orgId: cm.orgId, caseId: other.caseId, userId: rep.userId }]);
    expect(await visibleCaseIds(rep)).toEqual([]);
    expect((await caught(getCaseDetail(deps, rep, { caseId: other.caseId }))).code).toBe("NOT_FOUND");
    expect((await caught(revokeCaseParticipant(deps, admin, { caseId: other.caseId, userId: rep.userId }))).code).toBe("NOT_FOUND");
    expect(await listCaseAccess(deps, admin, { caseId: other.caseId })).toMatchObject([{ userId: rep.userId, revokedBy: cm.userId }]);

    // brought back deliberately: access again
    await withTenant(deps.db.sql, admin.orgId, (tx) => bringIntoCase(tx, admin, { caseId: other.caseId, userIds: [rep.userId], reason: "added" }));
    expect(await visibleCaseIds(rep)).toEqual([other.caseId]);
    await revokeCaseParticipant(deps, admin, { caseId: other.caseId, userId: rep.userId });
    expect(await visibleCaseIds(rep)).toEqual([]);
  });

  it("nobody brings anyone into another tenant's case, nor a non-member into a case", async () => {
    const a = await tenant();
    const b = await tenant();
    const error = await caught(withTenant(deps.db.sql, b.cm.orgId, (tx) => bringIntoCase(tx, b.cm, { caseId: a.other.caseId, userIds: [b.rep.userId], reason: "mention" })));
    expect(error.code).toBe("NOT_FOUND");
    await expect(
      withTenant(deps.db.sql, a.cm.orgId, (tx) => bringIntoCase(tx, a.cm, { caseId: a.other.caseId, userIds: [b.rep.userId], reason: "mention" })),
    ).rejects.toThrow(/foreign key/);
    expect(await listCaseAccess(deps, a.cm, { caseId: a.other.caseId })).toEqual([]);
    expect((await caught(listCaseAccess(deps, b.admin, { caseId: a.other.caseId }))).code).toBe("NOT_FOUND");
    expect((await caught(revokeCaseParticipant(deps, b.admin, { caseId: a.other.caseId, userId: a.rep.userId }))).code).toBe("NOT_FOUND");
  });

  it("a sales rep cannot bring himself into a case he does not see", async () => {
    const { rep, other } = await tenant();
    const error = await caught(withTenant(deps.db.sql, rep.orgId, (tx) => bringIntoCase(tx, rep, { caseId: other.caseId, userIds: [rep.userId], reason: "mention" })));
    expect(error.code).toBe("NOT_FOUND");
    expect(await visibleCaseIds(rep)).toEqual([]);
  });
});
