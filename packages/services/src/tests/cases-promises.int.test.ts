import { withTenant, type Database, type OrganizationRow } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { recordPromise, resolvePromises } from "../cases/case-promises.ts";
import { getCaseDetail, listCaseTimeline } from "../cases/get-case-detail.ts";
import { allocatePaymentManually } from "../payments/matching-queue.ts";
import { addPayment, buildCase, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { invoiceIdsOfDebtor } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const statusOf = (org: OrganizationRow, promiseId: string) =>
  withTenant(deps.db.sql, org.id, async (tx) => (await tx<{ status: string }[]>`select status from promises where id = ${promiseId}`)[0]!.status);
const alertsOf = (org: OrganizationRow, caseId: string) =>
  withTenant(deps.db.sql, org.id, (tx) => tx<{ kind: string; userId: string | null; dedupeKey: string }[]>`
    select kind, user_id as "userId", dedupe_key as "dedupeKey" from alerts where case_id = ${caseId}`);

const promised = async () => {
  const org = await buildOrg(deps);
  const cm = await buildMember(deps, org, "credit_manager");
  const { caseId, debtorId } = await buildCase(deps, org);
  await withTenant(deps.db.sql, org.id, (tx) => tx`update cases set assignee_id = ${cm.userId} where id = ${caseId}`);
  const { promiseId } = await recordPromise(deps, cm, { caseId, amountMinor: 100_000, currency: "EUR", promisedFor: "2026-03-10", channel: "phone" });
  const [invoiceId] = await invoiceIdsOfDebtor(deps, org, debtorId);
  return { org, cm, caseId, debtorId, promiseId, invoiceId: invoiceId! };
};

describe("promise outcome", () => {
  it("stays pending until paid or past its date", async () => {
    const { org, promiseId } = await promised();
    expect(await statusOf(org, promiseId)).toBe("pending");
    await resolvePromises(deps, org.id, "2026-03-10");
    expect(await statusOf(org, promiseId)).toBe("pending");
  });

  it("is kept once allocated payments since it was recorded reach its amount", async () => {
    const { org, cm, caseId, promiseId, invoiceId } = await promised();
    // a payment booked before the promise does not count
    await addPayment(deps, org, { bookingDate: "2026-02-20", amountMinor: 20_000, allocations: [{ invoiceId, amountMinor: 20_000 }] });
    const partial = await addPayment(deps, org, { bookingDate: "2026-03-04", amountMinor: 60_000, allocations: [] });
    await allocatePaymentManually(deps, cm, { paymentId: partial, invoiceIds: [invoiceId] });
    expect(await resolvePromises(deps, org.id, "2026-03-05")).toEqual({ kept: 0, broken: 0 });
    const rest = await addPayment(deps, org, { bookingDate: "2026-03-06", amountMinor: 40_000, allocations: [] });
    await allocatePaymentManually(deps, cm, { paymentId: rest, invoiceIds: [invoiceId] });
    expect(await resolvePromises(deps, org.id, "2026-03-06")).toEqual({ kept: 1, broken: 0 });
    expect(await statusOf(org, promiseId)).toBe("kept");
    const { events } = await listCaseTimeline(deps, cm, { caseId });
    expect(events[0]).toMatchObject({ kind: "promise_kept", payload: { promiseId, paidMinor: 100_000 } });
    expect((await getCaseDetail(deps, cm, { caseId })).pendingPromises).toEqual([]);
    expect(await alertsOf(org, caseId)).toEqual([]);
  });

  it("is broken after its date without the money, with one alert for the assignee however often it runs", async () => {
    const { org, cm, caseId, promiseId, invoiceId } = await promised();
    await addPayment(deps, org, { bookingDate: "2026-03-05", amountMinor: 30_000, allocations: [{ invoiceId, amountMinor: 30_000 }] });
    expect(await resolvePromises(deps, org.id, "2026-03-11")).toEqual({ kept: 0, broken: 1 });
    expect(await resolvePromises(deps, org.id, "2026-03-12")).toEqual({ kept: 0, broken: 0 });
    expect(await statusOf(org, promiseId)).toBe("broken");
    expect(await alertsOf(org, caseId)).toEqual([{ kind: "promise_broken", userId: cm.userId, dedupeKey: `promise_broken:${promiseId}` }]);
    const kinds = (await listCaseTimeline(deps, cm, { caseId })).events.map((e) => e.kind);
    expect(kinds).toEqual(["promise_broken", "promise"]);
  });

  it("settles only its own tenant's promises", async () => {
    const a = await promised();
    const b = await promised();
    await resolvePromises(deps, a.org.id, "2026-03-11");
    expect(await statusOf(a.org, a.promiseId)).toBe("broken");
    expect(await statusOf(b.org, b.promiseId)).toBe("pending");
  });
});
