import { claimPlannedAction, findActionForMessage, findActionsForUpdate, withTenant } from "@relance/db";
import { AppError, scheduleSendTime } from "@relance/domain";
import { z } from "zod";
import { calendarDate, type Actor, type ServiceDeps } from "../deps.ts";
import { findAccessibleCaseTx } from "../cases/case-access.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { canSeeDebtor, requireCaseWriter } from "../cases/case-writers.ts";
import { composeActionMessage, loadSendContext, openChannels, renderActionLetter, sendClaimedAction, windowOf } from "./send-action.ts";
import { localTime } from "./send-due-actions.ts";

export const actionIdInput = z.object({ actionId: z.uuid("Must be an action id") });

const actionNotFound = () => new AppError("NOT_FOUND", "Action not found", { key: "errors.notFound" });

export interface SendNowResult {
  status: "sent" | "failed";
  outboxId: string;
  error: string | null;
}

/**
 * Sends one planned action now, before its date, through the engine's own path: the action is locked, claimed and
 * recorded in one transaction, so it is never sent twice (a second click, or the engine at the same moment, finds
 * it no longer planned). A call is made by a person, not sent; an SMS waits for the tenant's send window.
 */
export const sendActionNow = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<SendNowResult> => {
  const { actionId } = parseInput(actionIdInput, input);
  requireCaseWriter(actor);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const [locked] = await findActionsForUpdate(tx, [actionId]);
    if (locked === undefined || !canSeeDebtor(actor, locked.salesOwnerId)) throw actionNotFound();
    if (locked.status !== "planned") throw new AppError("PRECONDITION_FAILED", "This action is no longer planned.", { key: "worklist.notPlanned" });
    if (locked.channel === "call") throw new AppError("BAD_REQUEST", "A call is made by a person: log it instead.", { key: "worklist.callNotSendable" });
    const base = await loadSendContext(tx);
    const now = deps.clock.now();
    const today = calendarDate(now, base.settings.timeZone);
    if (locked.channel === "sms") {
      const time = localTime(now, base.settings.timeZone);
      const slot = scheduleSendTime(today, time, windowOf(base.settings));
      if (slot.date !== today || slot.time !== time) {
        throw new AppError("PRECONDITION_FAILED", `Text messages wait for the send window (next: ${slot.date} ${slot.time}).`, { key: "worklist.outsideSendWindow" });
      }
    }
    const action = await claimPlannedAction(tx, actionId);
    if (action === undefined) throw new AppError("PRECONDITION_FAILED", "This action is no longer planned.", { key: "worklist.notPlanned" });
    const channels = openChannels(deps, deps.delivery ?? {}, base.settings.country);
    try {
      const outcome = await sendClaimedAction(tx, { ...base, orgId: actor.orgId, channels, today, actorId: actor.userId }, action);
      return { status: outcome.status, outboxId: outcome.outboxId, error: outcome.status === "failed" ? outcome.error : null };
    } finally {
      channels.mailer.close();
    }
  });
};

/**
 * The letter the debtor would get for an action, as of today, without sending or recording anything; for e-mail and
 * SMS steps the same text on the letterhead. Visible to whoever can see the case.
 */
export const previewActionLetter = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ fileName: string; pdf: Buffer }> => {
  const { actionId } = parseInput(actionIdInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const action = await findActionForMessage(tx, actionId);
    if (action === undefined) throw actionNotFound();
    await findAccessibleCaseTx(tx, actor, action.caseId).catch(() => {
      throw actionNotFound();
    });
    const context = await loadSendContext(tx);
    const today = calendarDate(deps.clock.now(), context.settings.timeZone);
    const { step, invoices, message } = await composeActionMessage(tx, context, action, today);
    const pdf = await renderActionLetter(context, action, invoices, step, message, today);
    return { fileName: `preview-${today}-${action.id.slice(0, 8)}.pdf`, pdf };
  });
};
