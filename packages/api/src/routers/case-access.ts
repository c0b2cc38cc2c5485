import { listCaseAccess, revokeCaseParticipant } from "@relance/services";
import { z } from "zod";
import { isoInstant, roleSchema, toIso, uuidSchema } from "../schemas.ts";
import { authedProcedure } from "../trpc.ts";

const participantOutput = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: roleSchema,
  reason: z.enum(["mention", "added", "dispute"]),
  grantedAt: isoInstant,
  revokedAt: isoInstant.nullable(),
});

/** "People in this case": who was brought in, and taking that access back (an admin or the case's owner). */
export const caseAccessProcedures = {
  participants: authedProcedure
    .input(z.object({ caseId: uuidSchema }))
    .output(z.array(participantOutput))
    .query(async ({ ctx, input }) =>
      (await listCaseAccess(ctx.deps, ctx.actor, input)).map((p) => ({
        userId: p.userId,
        displayName: p.displayName,
        role: roleSchema.parse(p.role),
        reason: p.reason,
        grantedAt: toIso(p.grantedAt),
        revokedAt: p.revokedAt ? toIso(p.revokedAt) : null,
      })),
    ),

  revokeAccess: authedProcedure
    .input(z.object({ caseId: uuidSchema, userId: uuidSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => revokeCaseParticipant(ctx.deps, ctx.actor, input)),
};
