import { CURRENCIES } from "@relance/domain";
import { getReceivablesSummary, listAccessibleCases } from "@relance/services";
import { z } from "zod";
import { authedProcedure, router } from "../trpc.ts";

const currencySchema = z.enum(CURRENCIES);
const caseOutput = z.object({
  id: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  stage: z.string(),
  assigneeId: z.string().nullable(),
});

export const receivablesRouter = router({
  summary: authedProcedure
    .output(z.array(z.object({ currency: currencySchema, openMinor: z.number().int(), overdueMinor: z.number().int(), openInvoices: z.number().int() })))
    .query(({ ctx }) => getReceivablesSummary(ctx.deps, ctx.actor)),

  cases: authedProcedure.output(z.array(caseOutput)).query(async ({ ctx }) =>
    (await listAccessibleCases(ctx.deps, ctx.actor)).map(({ salesOwnerId: _owner, ...c }) => c),
  ),
});
