import type { Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { addCaseNote, changeCaseStage, logCaseCall, updateCase } from "../cases/change-case.ts";
import { cancelPromise, recordPromise } from "../cases/case-promises.ts";
import { getCaseDetail, listCaseTimeline } from "../cases/get-case-detail.ts";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caseFootprint, caught, fieldPaths } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const tenant = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager", { displayName: "Claire Crédit" });
  const rep = await buildMember(deps, org, "sales");
  const manager = await buildMember(deps, org, "manager");
  const { caseId, debtorId } = await buildCase(deps, org);
  return { org, cm, rep, manager, caseId, debtorId };
};

describe("case timeline and actions", () => {
  it("shows the case with its open invoices, totals and pending promises", async () => {
    const { cm, caseId } = await tenant();
    await recordPromise(deps, cm, { caseId, amountMinor: 50_000, currency: "EUR", promisedFor: "2026-03-10", channel: "phone", promisedBy: "M. Dupont" });
    const detail = await getCaseDetail(deps, cm, { caseId });
    expect(detail).toMatchObject({ stage: "reminder_1", status: "open", priority: 0, nextActionDate: null, tags: [] });
    expect(detail.openInvoices).toHaveLength(1);
    expect(detail.totals).toEqual([{ currency: "EUR", openMinor: 125_000, invoiceCount: 1 }]);
    expect(detail.pendingPromises).toMatchObject([{ amountMinor: 50_000, promisedFor: "2026-03-10", status: "pending", recordedByName: "Claire Crédit" }]);
  });

  it("records a stage change with who, when and why", async () => {
    const { cm, caseId } = await tenant();
    await changeCaseStage(deps, cm, { caseId, stage: "formal_notice", reason: "Ignored two reminders" });
    const { events } = await listCaseTimeline(deps, cm, { caseId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "stage_change",
      actorId: cm.userId,
      actorName: "Claire Crédit",
      payload: { from: "reminder_1", to: "formal_notice", reason: "Ignored two reminders" },
    });
    expect(events[0]!.occurredAt.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect((await getCaseDetail(deps, cm, { caseId })).stage).toBe("formal_notice");

    await changeCaseStage(deps, cm, { caseId, stage: "closed", reason: "Paid in full", closedReason: "paid" });
    expect(await getCaseDetail(deps, cm, { caseId })).toMatchObject({ stage: "closed", status: "closed", closedReason: "paid" });
  });

  it("logs calls and notes, updates fields, and pages the timeline backwards, newest first", async () => {
    const { cm, caseId } = await tenant();
    await logCaseCall(deps, cm, { caseId, outcome: "callback", note: "Call back Thursday", nextActionDate: "2026-03-05" });
    await addCaseNote(deps, cm, { caseId, text: "Accountant on holiday" });
    await updateCase(deps, cm, { caseId, priority: 2, tags: ["vip"] });
    expect(await getCaseDetail(deps, cm, { caseId })).toMatchObject({ priority: 2, tags: ["vip"], nextActionDate: "2026-03-05" });

    const first = await listCaseTimeline(deps, cm, { caseId, limit: 2 });
    expect(first.events.map((e) => e.kind)).toEqual(["note", "note"]);
    expect(first.events[1]!.payload).toEqual({ text: "Accountant on holiday" });
    const second = await listCaseTimeline(deps, cm, { caseId, limit: 2, before: first.nextBefore! });
    expect(second.events.map((e) => e.kind)).toEqual(["call"]);
    expect(second.events[0]!.payload).toMatchObject({ outcome: "callback", note: "Call back Thursday" });
    expect(second.nextBefore).toBeNull();
  });

  it("records a promise as pending and cancels it", async () => {
    const { cm, org, caseId } = await tenant();
    const { promiseId } = await recordPromise(deps, cm, { caseId, amountMinor: 125_000, currency: "EUR", promisedFor: "2026-03-15", channel: "phone" });
    expect((await getCaseDetail(deps, cm, { caseId })).pendingPromises.map((p) => p.id)).toEqual([promiseId]);
    const { events } = await listCaseTimeline(deps, cm, { caseId });
    expect(events[0]).toMatchObject({ kind: "promise", payload: { promiseId, amountMinor: 125_000, promisedFor: "2026-03-15" } });

    await cancelPromise(deps, cm, { promiseId, reason: "Entered twice" });
    expect((await getCaseDetail(deps, cm, { caseId })).pendingPromises).toEqual([]);
    expect((await caught(cancelPromise(deps, cm, { promiseId }))).code).toBe("PRECONDITION_FAILED");
    expect((await caseFootprint(deps, org, caseId)).events).toBe(2);
  });

  it("refuses bad input with the field at fault and writes nothing", async () => {
    const { cm, org, caseId } = await tenant();
    const cases: [() => Promise<unknown>, string[]][] = [
      [() => recordPromise(deps, cm, { caseId, amountMinor: -5, currency: "EUR", promisedFor: "2026-03-10" }), ["amountMinor"]],
      [() => recordPromise(deps, cm, { caseId, amountMinor: 100, currency: "EUR", promisedFor: "2026-02-30" }), ["promisedFor"]],
      [() => recordPromise(deps, cm, { caseId, amountMinor: 100, currency: "USD", promisedFor: "10/03/2026" }), ["currency", "promisedFor"]],
      [() => recordPromise(deps, cm, { caseId, amountMinor: 100, currency: "EUR", promisedFor: "2026-03-01" }), ["promisedFor"]],
      [() => changeCaseStage(deps, cm, { caseId, stage: "prison", reason: "x" }), ["stage"]],
      [() => changeCaseStage(deps, cm, { caseId, stage: "closed", reason: "done" }), ["closedReason"]],
      [() => changeCaseStage(deps, cm, { caseId, stage: "reminder_2", reason: "" }), ["reason"]],
      [() => logCaseCall(deps, cm, { caseId, outcome: "shouted", nextActionDate: "tomorrow" }), ["nextActionDate", "outcome"]],
      [() => addCaseNote(deps, cm, { caseId, text: "  " }), ["text"]],
      [() => updateCase(deps, cm, { caseId, priority: -1 }), ["priority"]],
      [() => getCaseDetail(deps, cm, { caseId: "not-a-uuid" }), ["caseId"]],
    ];
    for (const [call, paths] of cases) {
      const error = await caught(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldPaths(error)).toEqual(paths);
    }
    expect(await caseFootprint(deps, org, caseId)).toEqual({ events: 0, promises: 0, stage: "reminder_1", status: "open", priority: 0, nextActionDate: null });
  });

  it("answers another tenant's case as not found, for every procedure", async () => {
    const a = await tenant();
    const b = await tenant();
    const { promiseId } = await recordPromise(deps, b.cm, { caseId: b.caseId, amountMinor: 100, currency: "EUR", promisedFor: "2026-03-10" });
    const caseId = b.caseId;
    const calls = [
      () => getCaseDetail(deps, a.cm, { caseId }),
      () => listCaseTimeline(deps, a.cm, { caseId }),
      () => changeCaseStage(deps, a.cm, { caseId, stage: "reminder_2", reason: "x" }),
      () => logCaseCall(deps, a.cm, { caseId, outcome: "reached" }),
      () => addCaseNote(deps, a.cm, { caseId, text: "x" }),
      () => updateCase(deps, a.cm, { caseId, priority: 1 }),
      () => recordPromise(deps, a.cm, { caseId, amountMinor: 100, currency: "EUR", promisedFor: "2026-03-10" }),
      () => cancelPromise(deps, a.cm, { promiseId }),
    ];
    for (const call of calls) expect((await caught(call())).code).toBe("NOT_FOUND");
    expect(await caseFootprint(deps, b.org, caseId)).toMatchObject({ events: 1, promises: 1, stage: "reminder_1" });
  });

  it("lets a sales rep read only the cases of his debtors, and change none; a manager only reads", async () => {
    const { org, cm, rep, manager, caseId } = await tenant();
    const own = await buildCase(deps, org, { salesOwnerId: rep.userId });
    await addCaseNote(deps, cm, { caseId: own.caseId, text: "Seen by the rep" });
    expect((await getCaseDetail(deps, rep, { caseId: own.caseId })).debtorId).toBe(own.debtorId);
    expect((await listCaseTimeline(deps, rep, { caseId: own.caseId })).events).toHaveLength(1);
    expect((await caught(getCaseDetail(deps, rep, { caseId }))).code).toBe("NOT_FOUND");
    expect((await caught(listCaseTimeline(deps, rep, { caseId }))).code).toBe("NOT_FOUND");
    expect((await caught(addCaseNote(deps, rep, { caseId: own.caseId, text: "mine" }))).code).toBe("FORBIDDEN");
    expect((await getCaseDetail(deps, manager, { caseId })).id).toBe(caseId);
    expect((await caught(logCaseCall(deps, manager, { caseId, outcome: "reached" }))).code).toBe("FORBIDDEN");
    expect((await caseFootprint(deps, org, caseId)).events).toBe(0);
  });
});
