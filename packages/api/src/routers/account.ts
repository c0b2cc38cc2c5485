import { changePassword, endOtherSessions, endSession, listSessions, setLocale } from "@relance/services";
import { z } from "zod";
import { isoInstant, localeSchema, toIso } from "../schemas.ts";
import { authedProcedure, router } from "../trpc.ts";

const sessionOutput = z.object({
  id: z.string(),
  createdAt: isoInstant,
  lastSeenAt: isoInstant,
  expiresAt: isoInstant,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});

export const accountRouter = router({
  sessions: authedProcedure.output(z.array(sessionOutput)).query(async ({ ctx }) =>
    (await listSessions(ctx.deps, ctx.actor.userId, ctx.session.session.id)).map((s) => ({
      ...s,
      createdAt: toIso(s.createdAt),
      lastSeenAt: toIso(s.lastSeenAt),
      expiresAt: toIso(s.expiresAt),
    })),
  ),

  endSession: authedProcedure
    .input(z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "Not a session id") }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await endSession(ctx.deps, ctx.actor.userId, input.sessionId);
      if (input.sessionId === ctx.session.session.id) ctx.cookies.clear();
      return { ok: true as const };
    }),

  endOtherSessions: authedProcedure.output(z.object({ ended: z.number().int() })).mutation(async ({ ctx }) => ({
    ended: await endOtherSessions(ctx.deps, ctx.actor.userId, ctx.session.session.id),
  })),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Required").max(1024), newPassword: z.string().max(1024) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const session = await changePassword(ctx.deps, ctx.actor, { ...input, userAgent: ctx.meta.userAgent, ip: ctx.meta.ip });
      ctx.cookies.set(session.token, session.expiresAt);
      return { ok: true as const };
    }),

  setLocale: authedProcedure
    .input(z.object({ locale: localeSchema }))
    .output(z.object({ locale: localeSchema }))
    .mutation(async ({ ctx, input }) => {
      await setLocale(ctx.deps, ctx.actor, input.locale);
      return { locale: input.locale };
    }),
});
