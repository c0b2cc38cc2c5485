import { LEDGER_WRITERS } from "@relance/domain";
import { allocatePaymentManually, listMatchingQueue, searchInvoicesForPayment, undoAllocation } from "@relance/services";
import { z } from "zod";
import { uuidSchema } from "../schemas.ts";
import { roleProcedure, router } from "../trpc.ts";

const writer = roleProcedure(LEDGER_WRITERS);
const currency = z.enum(["EUR", "CHF"]);
const invoiceChoice = z.object({
  invoiceId: z.string(),
  number: z.string(),
  debtorName: z.string(),
  openMinor: z.number().int(),
  currency: z.string(),
  dueDate: z.string(),
});

export const paymentsRouter = router({
  /** The matching queue: payments with unallocated money, each with its likeliest invoices. */
  queue: writer
    .input(z.object({ page: z.number().int().min(0).default(0), pageSize: z.number().int().min(1).max(100).default(25) }))
    .output(
      z.object({
        total: z.number().int(),
        payments: z.array(
          z.object({
            id: z.string(),
            bookingDate: z.string(),
            amountMinor: z.number().int(),
            unappliedMinor: z.number().int(),
            currency,
            payerName: z.string().nullable(),
            payerIban: z.string().nullable(),
            reference: z.string().nullable(),
            remittanceText: z.string().nullable(),
            suggestions: z.array(invoiceChoice),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const result = await listMatchingQueue(ctx.deps, ctx.actor, { limit: input.pageSize, offset: input.page * input.pageSize });
      return { total: result.total, payments: result.payments.map((p) => ({ ...p, currency: p.currency as "EUR" | "CHF" })) };
    }),

  searchInvoices: writer
    .input(z.object({ paymentId: uuidSchema, search: z.string().trim().min(1).max(100) }))
    .output(z.array(invoiceChoice))
    .query(async ({ ctx, input }) =>
      (await searchInvoicesForPayment(ctx.deps, ctx.actor, input)).map((i) => ({
        invoiceId: i.id,
        number: i.number,
        debtorName: i.debtorName,
        openMinor: i.openMinor,
        currency: i.currency,
        dueDate: i.dueDate,
      })),
    ),

  allocate: writer
    .input(z.object({ paymentId: uuidSchema, invoiceIds: z.array(uuidSchema).min(1, "Choose at least one invoice").max(50) }))
    .output(
      z.object({
        allocations: z.array(z.object({ allocationId: z.string(), invoiceId: z.string(), amountMinor: z.number().int() })),
        unappliedMinor: z.number().int(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { allocations, unappliedMinor } = await allocatePaymentManually(ctx.deps, ctx.actor, input);
      return { allocations: allocations.map(({ allocationId, invoiceId, amountMinor }) => ({ allocationId, invoiceId, amountMinor })), unappliedMinor };
    }),

  undoAllocation: writer
    .input(z.object({ allocationId: uuidSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await undoAllocation(ctx.deps, ctx.actor, input.allocationId);
      return { ok: true as const };
    }),
});
