import { LEDGER_WRITERS } from "@relance/domain";
import { actionIdInput, bulkSnoozeInput, listMyDay, planToday, sendActionNow, markActionDone, markDoneInput, skipAction, skipInput, snoozeAction, snoozeActions, snoozeInput, worklistInput } from "@relance/services";
import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const writer = roleProcedure(LEDGER_WRITERS);
const ok = z.object({ ok: z.literal(true) });

export const worklistRouter = router({
  /** "My day": due actions and cases due a next action, largest amount at risk first, then oldest. */
  list: authedProcedure
    .input(worklistInput)
    .output(
      z.object({
        today: z.string(),
        rows: z.array(
          z.object({
            kind: z.enum(["action", "case"]),
            id: z.string(),
            caseId: z.string(),
            debtorId: z.string(),
            debtorName: z.string(),
            stage: z.string(),
            channel: z.enum(["email", "letter", "sms", "call"]).nullable(),
            level: z.number().int().nullable(),
            plannedFor: z.string().nullable(),
            invoiceCount: z.number().int(),
            amountAtRiskMinor: z.number().int(),
            currency: z.string().nullable(),
            oldestDueDate: z.string().nullable(),
            promisePending: z.boolean(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listMyDay(ctx.deps, ctx.actor, input)),

  snooze: writer.input(snoozeInput).output(z.object({ snoozed: z.number().int() })).mutation(({ ctx, input }) => snoozeAction(ctx.deps, ctx.actor, input)),
  bulkSnooze: writer.input(bulkSnoozeInput).output(z.object({ snoozed: z.number().int() })).mutation(({ ctx, input }) => snoozeActions(ctx.deps, ctx.actor, input)),
  markDone: writer.input(markDoneInput).output(ok).mutation(({ ctx, input }) => markActionDone(ctx.deps, ctx.actor, input)),
  skip: writer.input(skipInput).output(ok).mutation(({ ctx, input }) => skipAction(ctx.deps, ctx.actor, input)),
  /** Sends a due action now through the engine's exactly-once path; a failed delivery is answered, not thrown. */
  sendNow: writer
    .input(actionIdInput)
    .output(z.object({ status: z.enum(["sent", "failed"]), outboxId: z.string(), error: z.string().nullable() }))
    .mutation(({ ctx, input }) => sendActionNow(ctx.deps, ctx.actor, input)),
  /** Plans today's reminders now (exactly once per invoice and step, like the daily run); sends nothing. */
  planToday: writer
    .output(z.object({ asOf: z.string(), casesOpened: z.number().int(), actionsPlanned: z.number().int(), alertsRaised: z.number().int() }))
    .mutation(({ ctx }) => planToday(ctx.deps, ctx.actor)),
});
