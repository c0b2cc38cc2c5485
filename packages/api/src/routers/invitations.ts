import { acceptInvitation, previewInvitation } from "@relance/services";
import { z } from "zod";
import { localeSchema, roleSchema } from "../schemas.ts";
import { publicProcedure, router } from "../trpc.ts";

const tokenSchema = z.string().trim().min(1, "Required").max(100);

export const invitationsRouter = router({
  preview: publicProcedure
    .input(z.object({ token: tokenSchema }))
    .output(
      z.object({
        orgName: z.string(),
        email: z.string(),
        role: roleSchema,
        status: z.enum(["pending", "accepted", "revoked", "expired"]),
        accountExists: z.boolean(),
      }),
    )
    .query(({ ctx, input }) => previewInvitation(ctx.deps, input.token)),

  accept: publicProcedure
    .input(
      z.object({
        token: tokenSchema,
        password: z.string().min(1, "Required").max(1024),
        displayName: z.string().trim().max(200).optional(),
        locale: localeSchema.default("fr"),
      }),
    )
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const session = await acceptInvitation(ctx.deps, { ...input, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent });
      ctx.cookies.set(session.token, session.expiresAt);
      return { ok: true as const };
    }),
});
