import { CURRENCIES } from "@relance/domain";
import { z } from "zod";

const date = z.iso.date("Must be a date (YYYY-MM-DD)");

/** The dashboard's filters; `ownerId: "none"` selects debtors without a sales owner. */
export const kpiFiltersSchema = z
  .object({
    currency: z.enum(CURRENCIES).nullable().default(null),
    ownerId: z.union([z.uuid("ownerId must be a member id or \"none\""), z.literal("none")]).nullable().default(null),
    segment: z.enum(["b2b", "b2c"]).nullable().default(null),
    jurisdiction: z.enum(["FR", "CH"]).nullable().default(null),
  })
  .strict();
export type KpiFilters = z.output<typeof kpiFiltersSchema>;

export const kpiSnapshotInput = z
  .object({
    filters: kpiFiltersSchema.default({ currency: null, ownerId: null, segment: null, jurisdiction: null }),
    /** The day the figures are as of (end of that day); today when absent. */
    asOf: date.optional(),
    /** The period DSO and CEI are computed over; the 90 days ending on asOf when absent. */
    period: z
      .object({ from: date, to: date })
      .strict()
      .refine((p) => p.from <= p.to, { message: "The period ends before it starts", path: ["to"] })
      .optional(),
  })
  .strict();
export type KpiSnapshotInput = z.input<typeof kpiSnapshotInput>;

export const kpiPeriodInput = z
  .object({ from: date, to: date })
  .strict()
  .refine((p) => p.from <= p.to, { message: "The period ends before it starts", path: ["to"] });

export const debtorsAtRiskInput = z
  .object({
    filters: kpiFiltersSchema.default({ currency: null, ownerId: null, segment: null, jurisdiction: null }),
    asOf: date.optional(),
    limit: z.number().int().min(1).max(100).default(10),
  })
  .strict();

export const agingEdgesInput = z.object({ edges: z.array(z.number().int()).min(1).max(12) }).strict();
