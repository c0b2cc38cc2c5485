import type { CaseRow, TenantTx } from "@relance/db";
import { AppError, CHAT_POSTERS, hasRole } from "@relance/domain";
import { findAccessibleCaseTx } from "../cases/case-access.ts";
import type { Actor } from "../deps.ts";

/**
 * Who may write in a case's chat: whoever sees the case (the one access rule, checked on every event since access can
 * be revoked), except managers, who watch. The case is checked first so that a case one cannot see stays "not found".
 */
export const requireChatPoster = async (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> => {
  const found = await findAccessibleCaseTx(tx, actor, caseId);
  if (!hasRole(actor.role, CHAT_POSTERS)) {
    throw new AppError("FORBIDDEN", "Managers read the case chat but do not post in it.", { key: "chat.readOnly" });
  }
  return found;
};

export const requireChatReader = (tx: TenantTx, actor: Actor, caseId: string): Promise<CaseRow> => findAccessibleCaseTx(tx, actor, caseId);
