import { MEMBER_ADMINS } from "@relance/domain";
import { getOrganizationSettings, IDLE_TIMEOUT_BOUNDS, updateOrganizationSettings } from "@relance/services";
import { z } from "zod";
import { countrySchema } from "../schemas.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const settingsOutput = z.object({
  slug: z.string(),
  name: z.string(),
  country: countrySchema,
  defaultCurrency: z.enum(["EUR", "CHF"]),
  sessionIdleTimeoutMinutes: z.number().int(),
});

const toOutput = ({ id: _id, ...org }: { id: string } & z.infer<typeof settingsOutput>) => org;

export const organizationRouter = router({
  settings: authedProcedure.output(settingsOutput).query(async ({ ctx }) => toOutput(await getOrganizationSettings(ctx.deps, ctx.actor))),

  updateSettings: roleProcedure(MEMBER_ADMINS)
    .input(z.object({ sessionIdleTimeoutMinutes: z.number().int().min(IDLE_TIMEOUT_BOUNDS.min).max(IDLE_TIMEOUT_BOUNDS.max) }))
    .output(settingsOutput)
    .mutation(async ({ ctx, input }) => toOutput(await updateOrganizationSettings(ctx.deps, ctx.actor, input))),
});
