import {
  appendTimelineEvent,
  findCaseDetail,
  findPromiseForUpdate,
  insertAlertOnce,
  insertPromise,
  listPendingPromisesWithPayments,
  settlePromise,
  withTenant,
} from "@relance/db";
import { AppError } from "@relance/domain";
import { calendarDate, emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { calendarDateSchema, cancelPromiseInput, parseInput, recordPromiseInput } from "./case-inputs.ts";
import { canSeeCase } from "./case-access.ts";
import { lockWritableCase, requireCaseWriter } from "./case-writers.ts";

/**
 * A debtor's promise to pay. While it is pending and its date not past, the dunning engine holds back the case's
 * invoices (see collection-planning's live promises).
 */
export const recordPromise = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ promiseId: string }> => {
  const v = parseInput(recordPromiseInput, input);
  const today = calendarDate(deps.clock.now());
  if (v.promisedFor < today) {
    throw new AppError("BAD_REQUEST", "A promise is for today or later.", { key: "errors.invalidInput", fields: [{ path: "promisedFor", message: "Must be today or later" }] });
  }
  const result = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await lockWritableCase(tx, actor, v.caseId);
    if (found.status === "closed") throw new AppError("PRECONDITION_FAILED", "This case is closed.", { key: "cases.closed" });
    const now = deps.clock.now();
    const promiseId = await insertPromise(tx, {
      orgId: actor.orgId,
      caseId: found.id,
      debtorId: found.debtorId,
      amountMinor: v.amountMinor,
      currency: v.currency,
      promisedFor: v.promisedFor,
      channel: v.channel,
      promisedBy: v.promisedBy || null,
      recordedBy: actor.userId,
      createdAt: now,
    });
    const payload = { promiseId, amountMinor: v.amountMinor, currency: v.currency, promisedFor: v.promisedFor, channel: v.channel, promisedBy: v.promisedBy ?? null };
    await appendTimelineEvent(tx, { orgId: actor.orgId, debtorId: found.debtorId, caseId: found.id, kind: "promise", payload, actorId: actor.userId, occurredAt: now });
    return { promiseId };
  });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "case.changed", orgId: actor.orgId, caseId: v.caseId });
  return result;
};

const promiseNotFound = () => new AppError("NOT_FOUND", "Promise not found", { key: "errors.notFound" });

/** Withdraws a pending promise (recorded by mistake, or superseded); dunning resumes. */
export const cancelPromise = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ ok: true }> => {
  const v = parseInput(cancelPromiseInput, input);
  requireCaseWriter(actor);
  const result = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const promise = await findPromiseForUpdate(tx, v.promiseId);
    const found = promise && (await findCaseDetail(tx, promise.caseId));
    if (!promise || !found || !(await canSeeCase(tx, actor, { id: promise.caseId, salesOwnerId: found.salesOwnerId }))) throw promiseNotFound();
    if (!(await settlePromise(tx, promise.id, "cancelled", deps.clock.now()))) {
      throw new AppError("PRECONDITION_FAILED", "This promise is no longer pending.", { key: "cases.promiseNotPending" });
    }
    await appendTimelineEvent(tx, {
      orgId: actor.orgId,
      debtorId: promise.debtorId,
      caseId: promise.caseId,
      kind: "note",
      payload: { promiseCancelled: { promiseId: promise.id, amountMinor: promise.amountMinor, currency: promise.currency, promisedFor: promise.promisedFor }, reason: v.reason ?? "" },
      actorId: actor.userId,
      occurredAt: deps.clock.now(),
    });
    return { ok: true as const, caseId: promise.caseId };
  });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "case.changed", orgId: actor.orgId, caseId: result.caseId });
  return { ok: true };
};

/**
 * Settles pending promises as of a date: `kept` once the debtor's payments allocated from the day it was recorded
 * up to its date reach its amount; `broken` once the date is past without that, with one alert for the case's
 * assignee. Idempotent: a settled promise is never looked at again and the alert has a dedupe key. The daily
 * dunning job may call this as well as the `cases.resolvePromises` procedure.
 */
export const resolvePromises = async (deps: ServiceDeps, orgId: string, asOf: string): Promise<{ kept: number; broken: number }> => {
  const day = parseInput(calendarDateSchema, asOf);
  const result = await withTenant(deps.db.sql, orgId, async (tx) => {
    let kept = 0;
    let broken = 0;
    const now = deps.clock.now();
    for (const p of await listPendingPromisesWithPayments(tx, day)) {
      const outcome = p.paidMinor >= p.amountMinor ? "kept" : day > p.promisedFor ? "broken" : null;
      if (!outcome || !(await settlePromise(tx, p.id, outcome, now))) continue;
      const payload = { promiseId: p.id, amountMinor: p.amountMinor, paidMinor: p.paidMinor, currency: p.currency, promisedFor: p.promisedFor, asOf: day };
      await appendTimelineEvent(tx, { orgId, debtorId: p.debtorId, caseId: p.caseId, kind: outcome === "kept" ? "promise_kept" : "promise_broken", payload, actorId: null, occurredAt: now });
      if (outcome === "kept") kept += 1;
      else {
        broken += 1;
        await insertAlertOnce(tx, { orgId, userId: p.assigneeId, kind: "promise_broken", caseId: p.caseId, debtorId: p.debtorId, payload, dueOn: day, dedupeKey: `promise_broken:${p.id}` });
      }
    }
    return { kept, broken };
  });
  if (result.kept + result.broken > 0) emitEvent(deps, { type: "ledger.changed", orgId });
  return result;
};
