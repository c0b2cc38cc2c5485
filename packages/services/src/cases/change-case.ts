import { appendTimelineEvent, updateCaseFields, updateCaseStage, withTenant, type TimelineKind, type TenantTx } from "@relance/db";
import { AppError } from "@relance/domain";
import { calendarDate, emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { addNoteInput, changeStageInput, logCallInput, parseInput, updateCaseInput } from "./case-inputs.ts";
import { lockWritableCase } from "./case-writers.ts";

type CaseChange = (tx: TenantTx, found: Awaited<ReturnType<typeof lockWritableCase>>) => Promise<{ kind: TimelineKind; payload: Record<string, unknown> }>;

/** Applies one change to a case and appends its timeline event, both in one transaction. */
const changeCase = async (deps: ServiceDeps, actor: Actor, caseId: string, change: CaseChange): Promise<{ eventId: string }> => {
  const eventId = await withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await lockWritableCase(tx, actor, caseId);
    const { kind, payload } = await change(tx, found);
    return appendTimelineEvent(tx, { orgId: actor.orgId, debtorId: found.debtorId, caseId, kind, payload, actorId: actor.userId, occurredAt: deps.clock.now() });
  });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
  emitEvent(deps, { type: "case.changed", orgId: actor.orgId, caseId });
  return { eventId };
};

/** An explicit move to another stage, with who and why on the timeline; closing names how the case ended. */
export const changeCaseStage = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  const v = parseInput(changeStageInput, input);
  return changeCase(deps, actor, v.caseId, async (tx, found) => {
    if (found.status === "closed" && v.stage === "closed") {
      throw new AppError("PRECONDITION_FAILED", "This case is already closed.", { key: "cases.alreadyClosed" });
    }
    const closing = v.stage === "closed";
    await updateCaseStage(tx, found.id, { stage: v.stage, status: closing ? "closed" : "open", closedReason: closing ? v.closedReason! : null });
    return { kind: "stage_change", payload: { from: found.stage, to: v.stage, reason: v.reason, ...(closing ? { closedReason: v.closedReason } : {}) } };
  });
};

/** A call with its outcome; a callback or a next date sets the case's next action date. */
export const logCaseCall = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  const v = parseInput(logCallInput, input);
  return changeCase(deps, actor, v.caseId, async (tx, found) => {
    if (v.nextActionDate) await updateCaseFields(tx, found.id, { nextActionDate: v.nextActionDate });
    return { kind: "call", payload: { outcome: v.outcome, note: v.note, ...(v.nextActionDate ? { nextActionDate: v.nextActionDate } : {}) } };
  });
};

export const addCaseNote = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  const v = parseInput(addNoteInput, input);
  return changeCase(deps, actor, v.caseId, async () => ({ kind: "note", payload: { text: v.text } }));
};

/** Priority, next action date and tags; the timeline records what changed. */
export const updateCase = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  const v = parseInput(updateCaseInput, input);
  const { caseId, ...fields } = v;
  if (Object.values(fields).every((f) => f === undefined)) {
    throw new AppError("BAD_REQUEST", "Nothing to change.", { key: "errors.invalidInput", fields: [{ path: "(input)", message: "Nothing to change" }] });
  }
  return changeCase(deps, actor, caseId, async (tx, found) => {
    await updateCaseFields(tx, found.id, fields);
    const before = { priority: found.priority, nextActionDate: found.nextActionDate, tags: found.tags };
    return { kind: "note", payload: { update: { before, after: { ...before, ...fields } }, on: calendarDate(deps.clock.now()) } };
  });
};
