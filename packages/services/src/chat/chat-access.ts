import { findCase, findMemberRole, type CaseRow, type TenantTx } from "@relance/db";
import { AppError, CHAT_POSTERS, hasRole } from "@relance/domain";
import { canSeeCase } from "../cases/case-access.ts";
import type { Actor } from "../deps.ts";

const caseNotFound = () => new AppError("NOT_FOUND", "Case not found", { key: "errors.notFound" });

/**
 * The case and the actor as he is now, under the one access rule (`canSeeCase`), checked on every event since access
 * can be revoked. A live connection keeps the role it was opened with, but a member may since have been given
 * another role or removed: the role is read again in the event's own transaction (both reads sent together).
 */
const accessibleCase = async (tx: TenantTx, actor: Actor, caseId: string): Promise<{ found: CaseRow; now: Actor }> => {
  const [role, found] = await Promise.all([findMemberRole(tx, actor.userId), findCase(tx, caseId)]);
  if (!role || !found) throw caseNotFound();
  const now = role === actor.role ? actor : { ...actor, role };
  if (!(await canSeeCase(tx, now, found))) throw caseNotFound();
  return { found, now };
};

/** Whoever sees the case reads its chat. */
export const requireChatReader = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> =>
  (await accessibleCase(tx, actor, caseId)).found;

/**
 * Who may write in a case's chat: whoever reads it, except managers, who watch. The case is checked first so that a
 * case one cannot see stays "not found".
 */
export const requireChatPoster = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> => {
  const { found, now } = await accessibleCase(tx, actor, caseId);
  if (!hasRole(now.role, CHAT_POSTERS)) {
    throw new AppError("FORBIDDEN", "Managers read the case chat but do not post in it.", { key: "chat.readOnly" });
  }
  return found;
};
