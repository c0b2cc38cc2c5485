import { LEDGER_WRITERS } from "@relance/domain";
import {
  addCaseNote,
  addNoteInput,
  cancelPromise,
  cancelPromiseInput,
  caseIdInput,
  changeCaseStage,
  changeStageInput,
  getCaseDetail,
  listCaseTimeline,
  logCallInput,
  logCaseCall,
  recordPromise,
  recordPromiseInput,
  resolvePromises,
  timelineInput,
  updateCase,
  updateCaseInput,
  calendarDate,
} from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso } from "../schemas.ts";
import { timelinePageOutput, toTimelinePageOutput } from "../timeline-schemas.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";
import { caseAccessProcedures } from "./case-access.ts";

const writer = roleProcedure(LEDGER_WRITERS);
const eventOutput = z.object({ eventId: z.string() });
const promiseOutput = z.object({
  id: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  promisedFor: z.string(),
  channel: z.string(),
  promisedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: isoInstant,
});

export const casesRouter = router({
  ...caseAccessProcedures,
  /** The case with its debtor, stage, open invoices and totals, and pending promises. */
  get: authedProcedure
    .input(caseIdInput)
    .output(
      z.object({
        id: z.string(),
        debtorId: z.string(),
        debtorName: z.string(),
        stage: z.string(),
        status: z.enum(["open", "closed"]),
        closedReason: z.enum(["paid", "settled", "written_off"]).nullable(),
        priority: z.number().int(),
        nextActionDate: z.string().nullable(),
        tags: z.array(z.string()),
        assigneeId: z.string().nullable(),
        assigneeName: z.string().nullable(),
        openInvoices: z.array(
          z.object({ id: z.string(), number: z.string(), issueDate: z.string(), dueDate: z.string(), currency: z.string(), amountMinor: z.number().int(), openMinor: z.number().int(), disputed: z.boolean() }),
        ),
        totals: z.array(z.object({ currency: z.string(), openMinor: z.number().int(), invoiceCount: z.number().int() })),
        pendingPromises: z.array(promiseOutput),
      }),
    )
    .query(async ({ ctx, input }) => {
      const detail = await getCaseDetail(ctx.deps, ctx.actor, input);
      return {
        ...detail,
        pendingPromises: detail.pendingPromises.map((p) => ({
          id: p.id,
          amountMinor: p.amountMinor,
          currency: p.currency,
          promisedFor: p.promisedFor,
          channel: p.channel,
          promisedBy: p.promisedBy,
          recordedByName: p.recordedByName,
          createdAt: toIso(p.createdAt),
        })),
      };
    }),

  /** Newest first; pass `nextBefore` as `before` for older events. */
  timeline: authedProcedure
    .input(timelineInput)
    .output(timelinePageOutput)
    .query(async ({ ctx, input }) => toTimelinePageOutput(await listCaseTimeline(ctx.deps, ctx.actor, input))),

  changeStage: writer.input(changeStageInput).output(eventOutput).mutation(({ ctx, input }) => changeCaseStage(ctx.deps, ctx.actor, input)),
  logCall: writer.input(logCallInput).output(eventOutput).mutation(({ ctx, input }) => logCaseCall(ctx.deps, ctx.actor, input)),
  addNote: writer.input(addNoteInput).output(eventOutput).mutation(({ ctx, input }) => addCaseNote(ctx.deps, ctx.actor, input)),
  update: writer.input(updateCaseInput).output(eventOutput).mutation(({ ctx, input }) => updateCase(ctx.deps, ctx.actor, input)),
  recordPromise: writer
    .input(recordPromiseInput)
    .output(z.object({ promiseId: z.string() }))
    .mutation(({ ctx, input }) => recordPromise(ctx.deps, ctx.actor, input)),
  cancelPromise: writer
    .input(cancelPromiseInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => cancelPromise(ctx.deps, ctx.actor, input)),

  /** Settles the tenant's pending promises as of today (kept / broken, with alerts). */
  resolvePromises: roleProcedure(["admin", "credit_manager"])
    .output(z.object({ kept: z.number().int(), broken: z.number().int() }))
    .mutation(({ ctx }) => resolvePromises(ctx.deps, ctx.actor.orgId, calendarDate(ctx.deps.clock.now()))),
});
