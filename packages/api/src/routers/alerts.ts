import { ALERT_KINDS } from "@relance/domain";
import {
  alertListInput, listLegalProceedings, listMyAlerts, LEGAL_PROCEEDING_KINDS, markAlertsReadInput, markMyAlertsRead, markProceedingServed, markServedInput,
  recordLegalProceeding, recordProceedingInput,
} from "@relance/services";
import { LEDGER_WRITERS } from "@relance/domain";
import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const alertOutput = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  caseId: z.string().nullable(),
  debtorId: z.string().nullable(),
  debtorName: z.string().nullable(),
  dueOn: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const proceedingsOutput = z.array(z.object({
  id: z.string(),
  kind: z.enum(LEGAL_PROCEEDING_KINDS),
  issuedOn: z.string(),
  servedOn: z.string().nullable(),
  mainleveeDays: z.number().int(),
  reference: z.string().nullable(),
}));

/** The member's collection alerts (raised by the daily run, pushed live as `alert:new`). */
export const alertsRouter = router({
  list: authedProcedure
    .input(alertListInput)
    .output(z.object({ alerts: z.array(alertOutput), unread: z.number().int() }))
    .query(({ ctx, input }) => listMyAlerts(ctx.deps, ctx.actor, input)),
  markRead: authedProcedure.input(markAlertsReadInput).output(z.object({ marked: z.number().int() })).mutation(({ ctx, input }) => markMyAlertsRead(ctx.deps, ctx.actor, input)),
});

/** Injonctions de payer and Swiss payment orders of a case, whose deadlines the daily run watches. */
export const legalProceedingsRouter = router({
  list: authedProcedure.input(z.object({ caseId: z.uuid() })).output(proceedingsOutput).query(({ ctx, input }) => listLegalProceedings(ctx.deps, ctx.actor, input)),
  record: roleProcedure(LEDGER_WRITERS).input(recordProceedingInput).output(proceedingsOutput).mutation(({ ctx, input }) => recordLegalProceeding(ctx.deps, ctx.actor, input)),
  markServed: roleProcedure(LEDGER_WRITERS).input(markServedInput).output(proceedingsOutput).mutation(({ ctx, input }) => markProceedingServed(ctx.deps, ctx.actor, input)),
});
