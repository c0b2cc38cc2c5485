import { CURRENCIES } from "@relance/domain";
import { z } from "zod";

const minor = z.number().int();
const days = z.number().nullable();

export const agingBucketOutput = z.object({
  key: z.string(),
  minDays: z.number().int().nullable(),
  maxDays: z.number().int().nullable(),
  openMinor: minor,
  itemCount: z.number().int(),
});

export const kpiSnapshotOutput = z.object({
  asOf: z.string(),
  period: z.object({ from: z.string(), to: z.string(), days: z.number().int() }),
  agingEdges: z.array(z.number().int()),
  averagePaymentDelayDays: z.number().nullable(),
  currencies: z.array(
    z.object({
      currency: z.enum(CURRENCIES),
      totalMinor: minor,
      overdueMinor: minor,
      openCount: z.number().int().nullable(),
      overdueCount: z.number().int().nullable(),
      aging: z.array(agingBucketOutput),
      dso: z.object({
        creditSalesMinor: minor,
        openingArMinor: minor,
        closingArMinor: minor,
        closingCurrentArMinor: minor,
        standard: days,
        countBack: days,
        countBackExhausted: z.boolean(),
        bestPossible: days,
        averageDaysDelinquent: days,
        cei: z.number().nullable(),
      }),
      dsoTrend: z.array(z.object({ month: z.string(), arMinor: minor, salesMinor: minor, standard: days, countBack: days })),
      forecast: z.array(z.object({ weekStart: z.string(), dueMinor: minor, promisedMinor: minor })),
      promises: z.object({
        kept: z.number().int(),
        broken: z.number().int(),
        pending: z.number().int(),
        keptRate: z.number().nullable(),
        dueThisWeekMinor: minor,
        dueThisWeekCount: z.number().int(),
      }),
    }),
  ),
});

export const collectorActivityOutput = z.array(
  z.object({
    userId: z.string(),
    displayName: z.string(),
    role: z.string(),
    actions: z.number().int(),
    calls: z.number().int(),
    promises: z.number().int(),
    collectedMinor: minor,
    currency: z.enum(CURRENCIES).nullable(),
    casesClosed: z.number().int(),
  }),
);

export const debtorsAtRiskOutput = z.array(
  z.object({
    debtorId: z.string(),
    name: z.string(),
    currency: z.enum(CURRENCIES),
    overdueMinor: minor,
    oldestDaysPastDue: z.number().int(),
    overdueCount: z.number().int(),
    riskScore: z.number(),
  }),
);

export const disputeKpisOutput = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  currencies: z.array(
    z.object({
      currency: z.enum(CURRENCIES),
      openCount: z.number().int(),
      openMinor: minor,
      averageAgeDays: z.number().nullable(),
      oldestAgeDays: z.number().int().nullable(),
      overdueCount: z.number().int(),
      byStatus: z.array(z.object({ status: z.string(), count: z.number().int(), amountMinor: minor })),
      byReason: z.array(z.object({ code: z.string(), labelFr: z.string(), labelEn: z.string(), count: z.number().int(), amountMinor: minor })),
      daysByStatus: z.array(z.object({ status: z.string(), days: z.number(), disputes: z.number().int() })),
      resolvedInPeriod: z.number().int(),
      resolvedInSla: z.number().int(),
      resolvedInSlaRate: z.number().nullable(),
    }),
  ),
});
