import { appendTimelineEvent, withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaseNote, changeCaseStage, logCaseCall } from "../cases/change-case.ts";
import type { ServiceDeps } from "../deps.ts";
import { getDebtorDetail } from "../ledger/get-debtor-detail.ts";
import { listDebtorTimeline } from "../ledger/list-debtor-timeline.ts";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught, fieldPaths } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

describe("debtor timeline", () => {
  it("pages everything that happened with the debtor over all his cases, newest first, each event naming its case", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager", { displayName: "Claire Crédit" });
    const { caseId, debtorId } = await buildCase(deps, org);
    const other = await buildCase(deps, org);
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor).toMatchObject({ openCaseId: caseId, openCaseStage: "reminder_1" });

    await logCaseCall(deps, cm, { caseId, outcome: "reached", note: "Will pay Friday" });
    await addCaseNote(deps, cm, { caseId: other.caseId, text: "Another debtor's case" });
    // an event of the debtor outside any case
    await withTenant(db.sql, org.id, (tx) =>
      appendTimelineEvent(tx, { orgId: org.id, debtorId, caseId: null, kind: "note", payload: { text: "Address changed" }, actorId: null, occurredAt: new Date() }),
    );
    await changeCaseStage(deps, cm, { caseId, stage: "closed", reason: "Paid in full", closedReason: "paid" });

    const first = await listDebtorTimeline(deps, cm, { debtorId, limit: 2 });
    expect(first.events.map((e) => [e.kind, e.caseId])).toEqual([["stage_change", caseId], ["note", null]]);
    expect(first.events[0]!.actorName).toBe("Claire Crédit");
    const second = await listDebtorTimeline(deps, cm, { debtorId, limit: 2, before: first.nextBefore! });
    expect(second.events.map((e) => [e.kind, e.caseId, e.payload.note])).toEqual([["call", caseId, "Will pay Friday"]]);
    expect(second.nextBefore).toBeNull();
    // once closed, the debtor has no open case
    expect((await getDebtorDetail(deps, cm, debtorId)).debtor).toMatchObject({ openCaseId: null, openCaseStage: null });
  });

  it("is seen by whoever sees the debtor: a sales rep for the debtors he owns, nobody from another tenant", async () => {
    const org = await buildOrg(deps);
    const rep = await buildMember(deps, org, "sales");
    const cm = await buildMember(deps, org, "credit_manager");
    const owned = await buildCase(deps, org, { salesOwnerId: rep.userId });
    const unowned = await buildCase(deps, org);
    await addCaseNote(deps, cm, { caseId: owned.caseId, text: "Seen by the owner" });
    expect((await listDebtorTimeline(deps, rep, { debtorId: owned.debtorId })).events.map((e) => e.payload.text)).toEqual(["Seen by the owner"]);
    expect(await caught(listDebtorTimeline(deps, rep, { debtorId: unowned.debtorId }))).toMatchObject({ code: "NOT_FOUND" });

    const stranger = await buildMember(deps, await buildOrg(deps), "admin");
    expect(await caught(listDebtorTimeline(deps, stranger, { debtorId: owned.debtorId }))).toMatchObject({ code: "NOT_FOUND" });
    const bad = await caught(listDebtorTimeline(deps, cm, { debtorId: "nope", before: "x" }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldPaths(bad)).toEqual(["before", "debtorId"]);
  });
});
