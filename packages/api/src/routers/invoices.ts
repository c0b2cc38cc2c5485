import { invoiceViewFiltersSchema, listInvoicesPage, MAX_INVOICE_PAGE_SIZE } from "@relance/services";
import { z } from "zod";
import { calendarDateSchema, currencySchema, invoiceKindSchema, invoiceStatusSchema, minorSchema, pageSchema } from "../ledger-schemas.ts";
import { authedProcedure, router } from "../trpc.ts";

const invoiceRowOutput = z.object({
  id: z.string(),
  number: z.string(),
  externalId: z.string(),
  kind: invoiceKindSchema,
  debtorId: z.string(),
  debtorName: z.string(),
  issueDate: calendarDateSchema,
  dueDate: calendarDateSchema,
  currency: currencySchema,
  amountMinor: minorSchema,
  openMinor: minorSchema,
  daysPastDue: z.number().int().nullable(),
  status: invoiceStatusSchema,
  disputed: z.boolean(),
});

export const invoicesRouter = router({
  /** A sales rep gets only the invoices of the debtors he owns. */
  list: authedProcedure
    .input(
      z.object({
        filters: invoiceViewFiltersSchema.default(invoiceViewFiltersSchema.parse({})),
        page: pageSchema,
        pageSize: z.number().int().min(1).max(MAX_INVOICE_PAGE_SIZE).default(50),
      }),
    )
    .output(z.object({ total: z.number().int(), asOf: calendarDateSchema, rows: z.array(invoiceRowOutput) }))
    .query(({ ctx, input }) => listInvoicesPage(ctx.deps, ctx.actor, { ...input.filters, page: input.page, pageSize: input.pageSize })),
});
