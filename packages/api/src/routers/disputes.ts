import { DISPUTE_WRITERS, TENANT_WIDE_READERS, WAITING_PARTIES } from "@relance/domain";
import {
  caseIdInput, changeDisputeStatus, changeDisputeStatusInput, createDisputeReasonInput, createReason, deleteReason, disputeFormOptions, disputeIdInput,
  disputeSettingsInput, getDispute, getDisputeSettings, listCaseDisputes, listReasons, openDispute, openDisputeInput, reasonIdInput,
  reportDisputeWaitingTime, resolveDispute, resolveDisputeInput, updateDispute, updateDisputeInput, updateDisputeReasonInput, updateDisputeSettings,
  updateReason, waitingReportInput,
} from "@relance/services";
import { z } from "zod";
import { disputeOutput, reasonOutput, toDisputeOutput } from "../dispute-schemas.ts";
import { toIso } from "../schemas.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const writer = roleProcedure(DISPUTE_WRITERS);
const admin = roleProcedure(["admin"]);
const ok = z.object({ ok: z.literal(true) });

/** Disputes of a case's invoices; a sales rep who sees the case moves a dispute along (changeStatus), managers read. */
export const disputesRouter = router({
  open: writer.input(openDisputeInput).output(z.object({ disputeId: z.string() })).mutation(({ ctx, input }) => openDispute(ctx.deps, ctx.actor, input)),

  get: authedProcedure
    .input(disputeIdInput)
    .output(disputeOutput)
    .query(async ({ ctx, input }) => toDisputeOutput(await getDispute(ctx.deps, ctx.actor, input), ctx.deps.clock.now())),

  listByCase: authedProcedure
    .input(caseIdInput)
    .output(z.array(disputeOutput))
    .query(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now();
      return (await listCaseDisputes(ctx.deps, ctx.actor, input)).map((d) => toDisputeOutput(d, now));
    }),

  /** The members who can own or join a dispute of this case (the open form). */
  formOptions: writer
    .input(caseIdInput)
    .output(z.object({ members: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string() })) }))
    .query(async ({ ctx, input }) => ({ members: (await disputeFormOptions(ctx.deps, ctx.actor, input)).members })),

  changeStatus: authedProcedure
    .input(changeDisputeStatusInput)
    .output(z.object({ eventId: z.string() }))
    .mutation(({ ctx, input }) => changeDisputeStatus(ctx.deps, ctx.actor, input)),

  update: writer.input(updateDisputeInput).output(z.object({ eventIds: z.array(z.string()) })).mutation(({ ctx, input }) => updateDispute(ctx.deps, ctx.actor, input)),

  resolve: writer
    .input(resolveDisputeInput)
    .output(z.object({ eventId: z.string(), creditNoteId: z.string().nullable(), closedInvoiceIds: z.array(z.string()) }))
    .mutation(({ ctx, input }) => resolveDispute(ctx.deps, ctx.actor, input)),

  reasons: authedProcedure
    .output(z.array(reasonOutput))
    .query(async ({ ctx }) =>
      (await listReasons(ctx.deps, ctx.actor)).map((r) => ({ id: r.id, code: r.code, labelFr: r.labelFr, labelEn: r.labelEn, position: r.position, retired: r.retiredAt !== null, useCount: r.useCount })),
    ),
  createReason: admin.input(createDisputeReasonInput).output(z.object({ reasonId: z.string() })).mutation(({ ctx, input }) => createReason(ctx.deps, ctx.actor, input)),
  updateReason: admin.input(updateDisputeReasonInput).output(ok).mutation(({ ctx, input }) => updateReason(ctx.deps, ctx.actor, input)),
  deleteReason: admin.input(reasonIdInput).output(ok).mutation(({ ctx, input }) => deleteReason(ctx.deps, ctx.actor, input)),

  settings: authedProcedure.output(z.object({ slaBusinessDays: z.number().int() })).query(({ ctx }) => getDisputeSettings(ctx.deps, ctx.actor)),
  updateSettings: admin.input(disputeSettingsInput).output(z.object({ slaBusinessDays: z.number().int() })).mutation(({ ctx, input }) => updateDisputeSettings(ctx.deps, ctx.actor, input)),

  /** Time disputes waited on each party within [from, to): for dashboards. */
  waitingReport: roleProcedure(TENANT_WIDE_READERS)
    .input(waitingReportInput)
    .output(
      z.object({
        from: z.string(),
        to: z.string(),
        parties: z.array(z.object({ party: z.enum(WAITING_PARTIES), totalMs: z.number().int(), disputeCount: z.number().int(), averageMs: z.number().int() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const report = await reportDisputeWaitingTime(ctx.deps, ctx.actor, input);
      return { from: toIso(report.from), to: toIso(report.to), parties: report.parties };
    }),
});
