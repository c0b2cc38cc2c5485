import {
  AppError,
  CURRENCIES,
  INVOICE_SORT_KEYS,
  INVOICE_STATUSES,
  OPEN_ITEM_STATUSES,
  OVERDUE_BUCKETS,
  SORT_DIRECTIONS,
} from "@relance/domain";
import { z } from "zod";

const MAX_AMOUNT_MINOR = 1e15;
const minorAmount = z.number().int("Must be a whole number of minor units").min(-MAX_AMOUNT_MINOR).max(MAX_AMOUNT_MINOR);

/**
 * What the invoice list is asked for, sort included, without paging: the shape a saved view stores. Every field is
 * optional and defaults to the standard view (open items, oldest due first).
 */
export const invoiceViewFiltersSchema = z
  .object({
    /** Empty: every status. */
    statuses: z.array(z.enum(INVOICE_STATUSES)).max(INVOICE_STATUSES.length).default([...OPEN_ITEM_STATUSES]),
    bucket: z.enum(OVERDUE_BUCKETS).nullable().default(null),
    ownerId: z.uuid("Must be a valid id").nullable().default(null),
    currency: z.enum(CURRENCIES).nullable().default(null),
    /** The debtor's segment and jurisdiction (dashboard drill-downs). */
    segment: z.enum(["b2b", "b2c"]).nullable().default(null),
    jurisdiction: z.enum(["FR", "CH"]).nullable().default(null),
    /** Only items past their due date (at least one day past due). */
    overdue: z.boolean().default(false),
    /** Bounds on the open amount, minor units, inclusive. */
    minOpenMinor: minorAmount.nullable().default(null),
    maxOpenMinor: minorAmount.nullable().default(null),
    debtorId: z.uuid("Must be a valid id").nullable().default(null),
    search: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .default(null)
      .transform((s) => s || null),
    sort: z.enum(INVOICE_SORT_KEYS).default("dueDate"),
    direction: z.enum(SORT_DIRECTIONS).default("asc"),
  })
  .refine((f) => f.minOpenMinor === null || f.maxOpenMinor === null || f.minOpenMinor <= f.maxOpenMinor, {
    path: ["maxOpenMinor"],
    message: "Must not be below the minimum",
  });

export type InvoiceViewFilters = z.output<typeof invoiceViewFiltersSchema>;
export type InvoiceViewFiltersInput = z.input<typeof invoiceViewFiltersSchema>;

export const DEFAULT_INVOICE_VIEW: InvoiceViewFilters = invoiceViewFiltersSchema.parse({});

/** Parses a value from outside a typed transport, naming every field at fault under `prefix`. */
export const parseFieldsOrThrow = <S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
  throw new AppError("BAD_REQUEST", `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, {
    key: "errors.invalidInput",
    fields,
  });
};
