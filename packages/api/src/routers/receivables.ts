import { CURRENCIES } from "@relance/domain";
import { findAccessibleCase, getReceivablesSummary, listAccessibleCases, listDebtorsPage } from "@relance/services";
import { z } from "zod";
import { countrySchema, uuidSchema } from "../schemas.ts";
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

  debtors: authedProcedure
    .input(
      z.object({
        search: z.string().trim().max(200).optional(),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({
        total: z.number().int(),
        rows: z.array(
          z.object({
            id: z.string(),
            externalId: z.string(),
            name: z.string(),
            country: z.string(),
            city: z.string().nullable(),
            segment: z.enum(["b2b", "b2c"]),
            jurisdiction: countrySchema,
            openInvoices: z.number().int(),
            balances: z.array(z.object({ currency: currencySchema, openMinor: z.number().int(), overdueMinor: z.number().int() })),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listDebtorsPage(ctx.deps, ctx.actor, { search: input.search || null, page: input.page, pageSize: input.pageSize })),

  cases: authedProcedure.output(z.array(caseOutput)).query(async ({ ctx }) =>
    (await listAccessibleCases(ctx.deps, ctx.actor)).map(({ salesOwnerId: _owner, ...c }) => c),
  ),

  case: authedProcedure
    .input(z.object({ caseId: uuidSchema }))
    .output(caseOutput)
    .query(async ({ ctx, input }) => {
      const { salesOwnerId: _owner, ...c } = await findAccessibleCase(ctx.deps, ctx.actor, input.caseId);
      return c;
    }),
});
