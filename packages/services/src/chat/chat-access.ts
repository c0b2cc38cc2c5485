import { findMemberRole, type CaseRow, type TenantTx } from "@relance/db";
import { AppError, CHAT_POSTERS, hasRole } from "@relance/domain";
import { findAccessibleCaseTx } from "../cases/case-access.ts";
import type { Actor } from "../deps.ts";

/**
 * The actor as he is now: a live connection keeps the role it was opened with, but a member may since have been
 * given another role or removed. Read in the event's own transaction.
 */
const currentActor = async (tx: TenantTx, actor: Actor): Promise<Actor> => {
  const role = await findMemberRole(tx, actor.userId);
  if (!role) throw new AppError("NOT_FOUND", "Case not found", { key: "errors.notFound" });
  return role === actor.role ? actor : { ...actor, role };
};

/** Whoever sees the case (the one access rule) reads its chat; checked on every event, since access can be revoked. */
export const requireChatReader = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> =>
  findAccessibleCaseTx(tx, await currentActor(tx, actor), caseId);

/**
 * Who may write in a case's chat: whoever reads it, except managers, who watch. The case is checked first so that a
 * case one cannot see stays "not found".
 */
export const requireChatPoster = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> => {
  const now = await currentActor(tx, actor);
  const found = await findAccessibleCaseTx(tx, now, caseId);
  if (!hasRole(now.role, CHAT_POSTERS)) {
    throw new AppError("FORBIDDEN", "Managers read the case chat but do not post in it.", { key: "chat.readOnly" });
  }
  return found;
};
