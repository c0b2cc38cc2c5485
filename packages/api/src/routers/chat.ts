import { listMentionableMembersOf, listMyNotifications, markAllMyNotificationsRead, markMyNotificationsRead } from "@relance/services";
import { z } from "zod";
import { isoInstant, roleSchema, uuidSchema } from "../schemas.ts";
import { authedProcedure, router } from "../trpc.ts";

const notificationOutput = z.object({
  id: z.string(),
  kind: z.literal("mention"),
  caseId: z.string(),
  debtorName: z.string(),
  messageId: z.string(),
  messageSeq: z.number().int(),
  actorName: z.string().nullable(),
  excerpt: z.string(),
  createdAt: isoInstant,
  readAt: isoInstant.nullable(),
});

/** The chat's companions over HTTP: who can be @mentioned, and the bell. Messages themselves go over the socket. */
export const chatRouter = router({
  /** The tenant's members, for the composer's @mention autocomplete. */
  members: authedProcedure
    .output(z.array(z.object({ userId: z.string(), displayName: z.string(), role: roleSchema })))
    .query(async ({ ctx }) => (await listMentionableMembersOf(ctx.deps, ctx.actor)).map((m) => ({ ...m, role: roleSchema.parse(m.role) }))),
});

export const notificationsRouter = router({
  /** The signed-in member's unread notifications (newest first) and their count. */
  unread: authedProcedure
    .output(z.object({ unread: z.number().int(), items: z.array(notificationOutput) }))
    .query(({ ctx }) => listMyNotifications(ctx.deps, ctx.actor)),

  markRead: authedProcedure
    .input(z.object({ ids: z.array(uuidSchema).min(1).max(100) }))
    .output(z.object({ changed: z.number().int() }))
    .mutation(({ ctx, input }) => markMyNotificationsRead(ctx.deps, ctx.actor, input)),

  markAllRead: authedProcedure.output(z.object({ changed: z.number().int() })).mutation(({ ctx }) => markAllMyNotificationsRead(ctx.deps, ctx.actor)),
});
