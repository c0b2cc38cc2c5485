import { findChatMessage, markChatMessageDeleted, updateChatMessageBody, withTenant, type TenantTx } from "@relance/db";
import { AppError } from "@relance/domain";
import { parseInput } from "../cases/case-inputs.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { requireChatPoster } from "./chat-access.ts";
import { toChatMessage } from "./chat-dto.ts";
import { chatDeleteInput, chatEditInput } from "./chat-inputs.ts";
import { notifyMentions, resolveMentions, type ChatOptions, type SentChatMessage } from "./send-chat-message.ts";

const messageNotFound = () => new AppError("NOT_FOUND", "Message not found", { key: "errors.notFound" });

const findLiveMessage = async (tx: TenantTx, caseId: string, messageId: string) => {
  const found = await findChatMessage(tx, messageId);
  if (!found || found.caseId !== caseId) throw messageNotFound();
  if (found.deletedAt) throw new AppError("CONFLICT", "This message was deleted.", { key: "chat.messageDeleted" });
  return found;
};

/** The author rewrites his message (shown "edited"); members newly mentioned are brought in and told. */
export const editChatMessage = async (deps: ServiceDeps, actor: Actor, input: unknown, options: ChatOptions = {}): Promise<SentChatMessage> => {
  const v = parseInput(chatEditInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await requireChatPoster(tx, actor, v.caseId);
    const found = await findLiveMessage(tx, v.caseId, v.messageId);
    if (found.authorId !== actor.userId) throw new AppError("FORBIDDEN", "Only its author can edit a message.", { key: "chat.editForbidden" });
    const mentions = await resolveMentions(tx, v.body);
    await updateChatMessageBody(tx, { caseId: v.caseId, id: v.messageId, body: v.body, mentions });
    const before = new Set(found.mentions.map((m) => m.userId));
    const added = mentions.filter((id) => !before.has(id));
    const notifications = await notifyMentions(tx, deps, actor, { caseId: v.caseId, messageId: v.messageId, seq: found.seq, userIds: added }, options);
    return { message: toChatMessage((await findChatMessage(tx, v.messageId))!), created: false, notifications };
  });
};

/** Its author, or an admin, deletes a message: it keeps its place, shown "message deleted", without text or files. */
export const deleteChatMessage = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  const v = parseInput(chatDeleteInput, input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await requireChatPoster(tx, actor, v.caseId);
    const found = await findLiveMessage(tx, v.caseId, v.messageId);
    if (found.authorId !== actor.userId && actor.role !== "admin") {
      throw new AppError("FORBIDDEN", "Only its author or an admin can delete a message.", { key: "chat.deleteForbidden" });
    }
    await markChatMessageDeleted(tx, { caseId: v.caseId, id: v.messageId, deletedBy: actor.userId });
    return toChatMessage((await findChatMessage(tx, v.messageId))!);
  });
};
