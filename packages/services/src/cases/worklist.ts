import { appendTimelineEvent, closeActionManually, findActionsForUpdate, listWorklist, snoozeActionsUntil, withTenant, type ActionRow, type TenantTx, type WorklistRow } from "@relance/db";
import { AppError } from "@relance/domain";
import { calendarDate, type Actor, type ServiceDeps } from "../deps.ts";
import { bulkSnoozeInput, markDoneInput, parseInput, skipInput, snoozeInput, worklistInput } from "./case-inputs.ts";
import { canSeeDebtor, requireCaseWriter } from "./case-writers.ts";

/** "My day" for the actor: due actions and cases due a next action, largest amount at risk first. */
export const listMyDay = async (deps: ServiceDeps, actor: Actor, input: unknown = {}): Promise<{ today: string; rows: WorklistRow[] }> => {
  const v = parseInput(worklistInput, input);
  const today = calendarDate(deps.clock.now());
  return withTenant(deps.db.sql, actor.orgId, async (tx) => ({
    today,
    rows: await listWorklist(tx, { today, assigneeId: v.assigneeOnly ? actor.userId : null, salesOwnerId: actor.role === "sales" ? actor.userId : null }),
  }));
};

const actionNotFound = () => new AppError("NOT_FOUND", "Action not found", { key: "errors.notFound" });

/** The planned actions, locked; any unknown id (or another tenant's) fails the whole call. */
const lockPlannedActions = async (tx: TenantTx, actor: Actor, ids: string[]): Promise<ActionRow[]> => {
  const unique = [...new Set(ids)];
  const actions = await findActionsForUpdate(tx, unique);
  if (actions.length !== unique.length || actions.some((a) => !canSeeDebtor(actor, a.salesOwnerId))) throw actionNotFound();
  const closed = actions.find((a) => a.status !== "planned");
  if (closed) throw new AppError("PRECONDITION_FAILED", "This action is no longer planned.", { key: "worklist.notPlanned" });
  return actions;
};

const requireLaterThanToday = (deps: ServiceDeps, until: string): void => {
  if (until <= calendarDate(deps.clock.now())) {
    throw new AppError("BAD_REQUEST", "Snooze to a later day.", { key: "errors.invalidInput", fields: [{ path: "until", message: "Must be after today" }] });
  }
};

/** Hides actions from the worklist until a later day (they come back that day). */
export const snoozeActions = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ snoozed: number }> => {
  const v = parseInput(bulkSnoozeInput, input);
  requireCaseWriter(actor);
  requireLaterThanToday(deps, v.until);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const actions = await lockPlannedActions(tx, actor, v.actionIds);
    return { snoozed: await snoozeActionsUntil(tx, actions.map((a) => a.id), v.until) };
  });
};

export const snoozeAction = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ snoozed: number }> => {
  const v = parseInput(snoozeInput, input);
  return snoozeActions(deps, actor, { actionIds: [v.actionId], until: v.until });
};

/** Done by hand: a call task logs the call on the timeline; another channel records that it was handled. */
export const markActionDone = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ ok: true }> => {
  const v = parseInput(markDoneInput, input);
  requireCaseWriter(actor);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const [action] = await lockPlannedActions(tx, actor, [v.actionId]);
    if (action!.channel === "call" && !v.outcome) {
      throw new AppError("BAD_REQUEST", "Say how the call went.", { key: "errors.invalidInput", fields: [{ path: "outcome", message: "Required for a call" }] });
    }
    const outcome = { by: actor.userId, manual: true, ...(v.outcome ? { outcome: v.outcome } : {}), note: v.note };
    await closeActionManually(tx, action!.id, "done", outcome);
    const payload = { actionId: action!.id, level: action!.level, channel: action!.channel, ...outcome };
    await appendTimelineEvent(tx, {
      orgId: actor.orgId,
      debtorId: action!.debtorId,
      caseId: action!.caseId,
      kind: action!.channel === "call" ? "call" : "reminder",
      payload,
      actorId: actor.userId,
      occurredAt: deps.clock.now(),
    });
    return { ok: true as const };
  });
};

/** Skips an action with a reason; the timeline keeps why. */
export const skipAction = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ ok: true }> => {
  const v = parseInput(skipInput, input);
  requireCaseWriter(actor);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const [action] = await lockPlannedActions(tx, actor, [v.actionId]);
    await closeActionManually(tx, action!.id, "skipped", { by: actor.userId, reason: v.reason });
    await appendTimelineEvent(tx, {
      orgId: actor.orgId,
      debtorId: action!.debtorId,
      caseId: action!.caseId,
      kind: "note",
      payload: { actionSkipped: { actionId: action!.id, level: action!.level, channel: action!.channel }, reason: v.reason },
      actorId: actor.userId,
      occurredAt: deps.clock.now(),
    });
    return { ok: true as const };
  });
};
