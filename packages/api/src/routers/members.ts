import { MEMBER_ADMINS, emailSchema } from "@relance/domain";
import { changeMemberRole, inviteMember, listOrgInvitations, listOrgMembers, removeMember, revokeOrgInvitation } from "@relance/services";
import { z } from "zod";
import { isoInstant, roleSchema, toIso, uuidSchema } from "../schemas.ts";
import { roleProcedure, router } from "../trpc.ts";

const adminProcedure = roleProcedure(MEMBER_ADMINS);

const invitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: isoInstant,
  expiresAt: isoInstant,
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
});

export const membersRouter = router({
  list: adminProcedure
    .output(z.array(z.object({ userId: z.string(), email: z.string(), displayName: z.string(), role: roleSchema, joinedAt: isoInstant })))
    .query(async ({ ctx }) => (await listOrgMembers(ctx.deps, ctx.actor)).map((m) => ({ ...m, joinedAt: toIso(m.joinedAt) }))),

  invitations: adminProcedure.output(z.array(invitationOutput)).query(async ({ ctx }) =>
    (await listOrgInvitations(ctx.deps, ctx.actor)).map((i) => ({ ...i, createdAt: toIso(i.createdAt), expiresAt: toIso(i.expiresAt) })),
  ),

  /** Returns the token once: the admin copies the link `/invite/<token>` and sends it. */
  invite: adminProcedure
    .input(z.object({ email: emailSchema, role: roleSchema }))
    .output(z.object({ invitation: invitationOutput, token: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { invitation, token } = await inviteMember(ctx.deps, ctx.actor, input);
      return { invitation: { ...invitation, createdAt: toIso(invitation.createdAt), expiresAt: toIso(invitation.expiresAt) }, token };
    }),

  revokeInvitation: adminProcedure
    .input(z.object({ invitationId: uuidSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeOrgInvitation(ctx.deps, ctx.actor, input.invitationId);
      return { ok: true as const };
    }),

  changeRole: adminProcedure
    .input(z.object({ userId: uuidSchema, role: roleSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changeMemberRole(ctx.deps, ctx.actor, input);
      return { ok: true as const };
    }),

  remove: adminProcedure
    .input(z.object({ userId: uuidSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.deps, ctx.actor, input.userId);
      return { ok: true as const };
    }),
});
