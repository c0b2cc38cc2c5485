import { invalidateSession, listUserOrganizations, signIn, switchOrganization } from "@relance/services";
import { z } from "zod";
import { countrySchema, localeSchema, roleSchema } from "../schemas.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

const meOutput = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), locale: localeSchema }),
    org: z.object({ id: z.string(), slug: z.string(), name: z.string(), country: countrySchema }),
    role: roleSchema,
    organizations: z.array(z.object({ slug: z.string(), name: z.string(), role: roleSchema })),
  })
  .nullable();

export const authRouter = router({
  signIn: publicProcedure
    .input(
      z.object({
        email: z.string().trim().min(1, "E-mail is required").max(320),
        password: z.string().min(1, "Password is required").max(1024),
        orgSlug: z.string().max(63).optional(),
      }),
    )
    .output(z.object({ orgSlug: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.deps, { ...input, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent });
      ctx.cookies.set(session.token, session.expiresAt);
      return { orgSlug: session.orgSlug };
    }),

  switchOrganization: authedProcedure
    .input(z.object({ orgSlug: z.string().min(1).max(63) }))
    .output(z.object({ orgSlug: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const session = await switchOrganization(
        ctx.deps,
        { sessionId: ctx.session.session.id, userId: ctx.actor.userId },
        { orgSlug: input.orgSlug, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent },
      );
      ctx.cookies.set(session.token, session.expiresAt);
      return { orgSlug: session.orgSlug };
    }),

  signOut: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await invalidateSession(ctx.deps, ctx.session.session.id);
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** Who is signed in, or null: the SPA's first call. */
  me: publicProcedure.output(meOutput).query(async ({ ctx }) => {
    if (!ctx.session) return null;
    const organizations = await listUserOrganizations(ctx.deps, ctx.session.user.id);
    return {
      user: ctx.session.user,
      org: ctx.session.org,
      role: ctx.session.role,
      organizations: organizations.map((o) => ({ slug: o.orgSlug, name: o.orgName, role: o.role })),
    };
  }),
});
