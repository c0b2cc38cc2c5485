import { deleteUserSessions, findUserById, updateUserPassword } from "@relance/db";
import { AppError, newPasswordSchema } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { hashPassword, verifyPassword } from "../auth/password-hashing.ts";
import { announceEnded, createSession, type NewSession } from "../auth/sessions.ts";

/**
 * Changes the caller's password and ends every session of the account, this one included; the caller continues on
 * a brand-new session whose token is returned.
 */
export const changePassword = async (
  deps: ServiceDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; userAgent: string | null; ip: string | null },
): Promise<NewSession> => {
  const user = await findUserById(deps.db.sql, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "The current password is wrong.", {
      key: "account.wrongCurrentPassword",
      fields: [{ path: "currentPassword", message: "The current password is wrong." }],
    });
  }
  const parsed = newPasswordSchema.safeParse(input.newPassword);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Invalid password", {
      fields: [{ path: "newPassword", message: parsed.error.issues[0]?.message ?? "Invalid password" }],
    });
  }
  await updateUserPassword(deps.db.sql, actor.userId, await hashPassword(input.newPassword));
  announceEnded(deps, await deleteUserSessions(deps.db.sql, actor.userId));
  return createSession(deps, { userId: actor.userId, orgId: actor.orgId, userAgent: input.userAgent, ip: input.ip });
};
