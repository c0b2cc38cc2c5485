import { DUNNING_CHANNELS, MEMBER_ADMINS } from "@relance/domain";
import {
  EDITABLE_RATE_TABLES, listDunningPolicies, listEditableRateTables, listPolicyHistory, saveDunningPolicy, savePolicyInput, saveRateTable, saveRateTableInput,
} from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso } from "../schemas.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const admin = roleProcedure(MEMBER_ADMINS);

const stepOutput = z.object({
  offsetDays: z.number().int(),
  channel: z.enum(DUNNING_CHANNELS),
  templateKey: z.string(),
  level: z.number().int(),
  addPenalties: z.boolean(),
});

const rateTableOutput = z.object({
  kind: z.enum(EDITABLE_RATE_TABLES),
  entries: z.array(z.object({
    validFrom: z.string(),
    ratePercent: z.string().nullable(),
    amountMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
    source: z.string().nullable(),
  })),
});

/** Dunning policies (versioned: a save adds a version) and the dated rate tables, edited by admins. */
export const collectionSettingsRouter = router({
  policies: authedProcedure
    .output(z.array(z.object({
      segment: z.string(),
      name: z.string(),
      versionId: z.string(),
      version: z.number().int(),
      steps: z.array(stepOutput),
      thankYouOnPayment: z.boolean(),
      createdAt: isoInstant,
      createdByName: z.string().nullable(),
      casesOnOlderVersions: z.number().int(),
    })))
    .query(async ({ ctx }) => (await listDunningPolicies(ctx.deps, ctx.actor)).map((p) => ({ ...p, steps: [...p.steps], createdAt: toIso(p.createdAt) }))),

  policyHistory: authedProcedure
    .input(z.object({ segment: z.string().min(1).max(40) }))
    .output(z.array(z.object({
      versionId: z.string(),
      version: z.number().int(),
      createdAt: isoInstant,
      createdByName: z.string().nullable(),
      stepCount: z.number().int(),
      openCases: z.number().int(),
    })))
    .query(async ({ ctx, input }) => (await listPolicyHistory(ctx.deps, ctx.actor, input)).map((h) => ({ ...h, createdAt: toIso(h.createdAt) }))),

  savePolicy: admin
    .input(savePolicyInput)
    .output(z.object({ policyVersionId: z.string(), segment: z.string(), version: z.number().int() }))
    .mutation(({ ctx, input }) => saveDunningPolicy(ctx.deps, ctx.actor, input)),

  rateTables: authedProcedure.output(z.array(rateTableOutput)).query(({ ctx }) => listEditableRateTables(ctx.deps, ctx.actor)),

  saveRateTable: admin.input(saveRateTableInput).output(rateTableOutput).mutation(({ ctx, input }) => saveRateTable(ctx.deps, ctx.actor, input)),
});
