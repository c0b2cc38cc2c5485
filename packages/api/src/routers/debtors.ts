import { DEBTOR_SORT_KEYS, LEDGER_WRITERS, OVERDUE_BUCKETS } from "@relance/domain";
import {
  addDebtorContact,
  addDebtorContactInput,
  assignDebtorOwner,
  assignDebtorOwnerInput,
  changeDebtorContact,
  changeDebtorCreditLimit,
  changeDebtorCreditLimitInput,
  CONTACT_CHANNELS,
  CONTACT_ROLES,
  debtorTimelineInput,
  getDebtorDetail,
  listDebtorOwners,
  listDebtorsPage,
  listDebtorTimeline,
  removeDebtorContact,
  removeDebtorContactInput,
  updateDebtorContactInput,
} from "@relance/services";
import { z } from "zod";
import {
  calendarDateSchema,
  currencySchema,
  invoiceKindSchema,
  invoiceStatusSchema,
  minorSchema,
  pageSchema,
  salesOwnerSchema,
} from "../ledger-schemas.ts";
import { countrySchema, uuidSchema } from "../schemas.ts";
import { timelinePageOutput, toTimelinePageOutput } from "../timeline-schemas.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const writer = roleProcedure(LEDGER_WRITERS);

const segmentSchema = z.enum(["b2b", "b2c"]);

const debtorRowOutput = z.object({
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  segment: segmentSchema,
  jurisdiction: countrySchema,
  salesOwnerId: z.string().nullable(),
  salesOwnerName: z.string().nullable(),
  openInvoices: z.number().int(),
  balances: z.array(z.object({ currency: currencySchema, openMinor: minorSchema, overdueMinor: minorSchema })),
});

const debtorOutput = z.object({
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  identifier: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string(),
  segment: segmentSchema,
  jurisdiction: countrySchema,
  paymentTermsDays: z.number().int(),
  creditLimitMinor: minorSchema.nullable(),
  creditLimitCurrency: currencySchema,
  salesOwnerId: z.string().nullable(),
  salesOwnerName: z.string().nullable(),
  openCaseId: z.string().nullable(),
  openCaseStage: z.string().nullable(),
});

const contactOutput = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(CONTACT_ROLES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferredChannel: z.enum(CONTACT_CHANNELS),
  language: z.string().nullable(),
});

const openItemOutput = z.object({
  id: z.string(),
  number: z.string(),
  externalId: z.string(),
  kind: invoiceKindSchema,
  issueDate: calendarDateSchema,
  dueDate: calendarDateSchema,
  currency: currencySchema,
  amountMinor: minorSchema,
  openMinor: minorSchema,
  paymentReference: z.string().nullable(),
  poNumber: z.string().nullable(),
  daysPastDue: z.number().int(),
  status: invoiceStatusSchema,
});

const paymentOutput = z.object({
  id: z.string(),
  bookingDate: calendarDateSchema,
  valueDate: calendarDateSchema.nullable(),
  amountMinor: minorSchema,
  currency: currencySchema,
  payerName: z.string().nullable(),
  reversed: z.boolean(),
  allocations: z.array(
    z.object({ invoiceId: z.string(), invoiceNumber: z.string(), amountMinor: minorSchema, rule: z.string(), reversed: z.boolean() }),
  ),
});

const agingOutput = z.object({
  currency: currencySchema,
  totalMinor: minorSchema,
  itemCount: z.number().int(),
  buckets: z.array(z.object({ bucket: z.enum(OVERDUE_BUCKETS), totalMinor: minorSchema, itemCount: z.number().int() })),
});

export const debtorsRouter = router({
  list: authedProcedure
    .input(
      z.object({
        search: z.string().trim().max(200).optional(),
        segment: segmentSchema.optional(),
        jurisdiction: countrySchema.optional(),
        ownerId: uuidSchema.optional(),
        overdueOnly: z.boolean().default(false),
        overLimitOnly: z.boolean().default(false),
        sort: z.enum(DEBTOR_SORT_KEYS).default("name"),
        page: pageSchema,
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(z.object({ total: z.number().int(), rows: z.array(debtorRowOutput) }))
    .query(({ ctx, input }) => listDebtorsPage(ctx.deps, ctx.actor, { ...input, search: input.search || null })),

  get: authedProcedure
    .input(z.object({ debtorId: uuidSchema }))
    .output(
      z.object({
        asOf: calendarDateSchema,
        debtor: debtorOutput,
        contacts: z.array(contactOutput),
        ibans: z.array(z.string()),
        openItems: z.array(openItemOutput),
        openItemCount: z.number().int(),
        payments: z.array(paymentOutput),
        aging: z.array(agingOutput),
      }),
    )
    .query(({ ctx, input }) => getDebtorDetail(ctx.deps, ctx.actor, input.debtorId)),

  /** Everything that happened with the debtor, over all his cases, newest first; `nextBefore` pages back. */
  timeline: authedProcedure
    .input(debtorTimelineInput)
    .output(timelinePageOutput)
    .query(async ({ ctx, input }) => toTimelinePageOutput(await listDebtorTimeline(ctx.deps, ctx.actor, input))),

  /** Gives the debtor to a sales rep of the tenant, or to nobody; `changed` is false when he had it already. */
  assignOwner: writer
    .input(assignDebtorOwnerInput)
    .output(z.object({ changed: z.boolean() }))
    .mutation(({ ctx, input }) => assignDebtorOwner(ctx.deps, ctx.actor, input)),

  /** The credit limit in the tenant's currency (null: none); `changed` is false when it was that already. */
  setCreditLimit: writer
    .input(changeDebtorCreditLimitInput)
    .output(z.object({ changed: z.boolean() }))
    .mutation(({ ctx, input }) => changeDebtorCreditLimit(ctx.deps, ctx.actor, input)),

  /** Contacts: whom to write to or call at the debtor (admins, credit managers and billing). */
  addContact: writer.input(addDebtorContactInput).output(contactOutput).mutation(({ ctx, input }) => addDebtorContact(ctx.deps, ctx.actor, input)),
  updateContact: writer.input(updateDebtorContactInput).output(contactOutput).mutation(({ ctx, input }) => changeDebtorContact(ctx.deps, ctx.actor, input)),
  removeContact: writer
    .input(removeDebtorContactInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeDebtorContact(ctx.deps, ctx.actor, input);
      return { removed: true as const };
    }),

  /** The members the owner filters offer. */
  owners: authedProcedure.output(z.array(salesOwnerSchema)).query(({ ctx }) => listDebtorOwners(ctx.deps, ctx.actor)),
});
