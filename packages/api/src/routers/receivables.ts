import { CURRENCIES } from "@relance/domain";
import { casesPageInput, getReceivablesSummary, listCasesPageFor } from "@relance/services";
import { z } from "zod";
import { authedProcedure, router } from "../trpc.ts";

const currencySchema = z.enum(CURRENCIES);
const caseOutput = z.object({
  id: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  stage: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  openDisputes: z.number().int(),
  broughtIn: z.boolean(),
});

export const receivablesRouter = router({
  summary: authedProcedure
    .output(z.array(z.object({ currency: currencySchema, openMinor: z.number().int(), overdueMinor: z.number().int(), openInvoices: z.number().int() })))
    .query(({ ctx }) => getReceivablesSummary(ctx.deps, ctx.actor)),

  /** The cases the member may see, a page at a time (a sales rep: his debtors' and those he was brought into). */
  cases: authedProcedure
    .input(casesPageInput.optional())
    .output(z.object({ rows: z.array(caseOutput), total: z.number().int(), pageSize: z.number().int() }))
    .query(async ({ ctx, input }) => {
      const page = await listCasesPageFor(ctx.deps, ctx.actor, input);
      return { ...page, rows: page.rows.map(({ salesOwnerId: _owner, ...c }) => c) };
    }),
});
