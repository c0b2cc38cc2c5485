import {
  attachChatFiles, findChatMessage, findChatMessageByClientId, findMemberNames, findNotifications, insertChatMessage,
  insertMentionNotifications, isDuplicateClientId, postPlainChatMessage, withTenant, type TenantTx,
} from "@relance/db";
import { AppError, CHAT_POSTERS, mentionIdsOf, type ChatMessage, type MentionNotification } from "@relance/domain";
import { bringIntoCase } from "../cases/case-access.ts";
import { parseInput } from "../cases/case-inputs.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { requireChatPoster } from "./chat-access.ts";
import { chatSendInput, type ChatSendInput } from "./chat-inputs.ts";
import { toChatMessage, toMentionNotification } from "./chat-dto.ts";

/** How long a mention waits, unread and not seen live, before it is e-mailed. */
export const DEFAULT_MENTION_EMAIL_DELAY_MS = 5 * 60_000;
const MAX_MENTIONS = 20;

export interface ChatOptions {
  mentionEmailDelayMs?: number;
}

export interface SentChatMessage {
  message: ChatMessage;
  /** False when the client id was already stored: a retry, answered with the stored message. */
  created: boolean;
  /** The notifications to push to each mentioned member. */
  notifications: (MentionNotification & { userId: string })[];
}

/** The mentioned members of the tenant; an id that is not a member is refused (another tenant's ids look the same). */
export const resolveMentions = async (tx: TenantTx, body: string): Promise<string[]> => {
  const ids = mentionIdsOf(body);
  if (ids.length > MAX_MENTIONS) throw new AppError("BAD_REQUEST", `body: at most ${MAX_MENTIONS} mentions per message`, { fields: [{ path: "body", message: "too many mentions" }] });
  const names = await findMemberNames(tx, ids);
  const unknown = ids.filter((id) => !names.has(id));
  if (unknown.length > 0) {
    throw new AppError("NOT_FOUND", `body: the mentioned member ${unknown[0]} was not found`, { key: "errors.notFound", fields: [{ path: "body", message: "unknown member mentioned" }] });
  }
  return ids;
};

/**
 * Brings the newly mentioned members into the case and records their notifications, in the caller's transaction (so
 * the message, the access it grants and the notification land together). The author is never notified of himself.
 */
export const notifyMentions = async (
  tx: TenantTx, deps: ServiceDeps, actor: Actor, m: { caseId: string; messageId: string; seq: number; userIds: readonly string[] }, options: ChatOptions,
): Promise<SentChatMessage["notifications"]> => {
  const others = m.userIds.filter((id) => id !== actor.userId);
  if (others.length === 0) return [];
  await bringIntoCase(tx, actor, { caseId: m.caseId, userIds: others, reason: "mention" });
  const emailDueAt = new Date(deps.clock.now().getTime() + (options.mentionEmailDelayMs ?? DEFAULT_MENTION_EMAIL_DELAY_MS));
  const ids = await insertMentionNotifications(tx, {
    orgId: actor.orgId, userIds: others, caseId: m.caseId, messageId: m.messageId, messageSeq: m.seq, actorId: actor.userId, emailDueAt,
  });
  return (await findNotifications(tx, ids)).map((row) => ({ ...toMentionNotification(row), userId: row.userId }));
};

const retried = (existing: NonNullable<Awaited<ReturnType<typeof findChatMessageByClientId>>>, actor: Actor, caseId: string): SentChatMessage => {
  if (existing.caseId !== caseId || existing.authorId !== actor.userId) {
    throw new AppError("CONFLICT", "clientId: this message id is already used; generate a new one", { fields: [{ path: "clientId", message: "already used" }] });
  }
  return { message: toChatMessage(existing), created: false, notifications: [] };
};

const storeMessage = (deps: ServiceDeps, actor: Actor, v: ChatSendInput, options: ChatOptions): Promise<SentChatMessage> =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await requireChatPoster(tx, actor, v.caseId);
    const mentions = await resolveMentions(tx, v.body);
    const messageId = await insertChatMessage(tx, { orgId: actor.orgId, caseId: v.caseId, clientId: v.clientId, authorId: actor.userId, body: v.body, mentions });
    if (messageId === null) return retried((await findChatMessageByClientId(tx, v.clientId))!, actor, v.caseId);
    const attached = await attachChatFiles(tx, { caseId: v.caseId, messageId, uploadedBy: actor.userId, attachmentIds: v.attachmentIds });
    if (attached !== new Set(v.attachmentIds).size) {
      throw new AppError("NOT_FOUND", "attachmentIds: a file was not found (upload it to this case first, and attach it once)", {
        key: "chat.attachmentNotFound", fields: [{ path: "attachmentIds", message: "not found" }],
      });
    }
    const stored = (await findChatMessage(tx, messageId))!;
    const notifications = await notifyMentions(tx, deps, actor, { caseId: v.caseId, messageId, seq: stored.seq, userIds: mentions }, options);
    return { message: toChatMessage(stored), created: true, notifications };
  });

/**
 * The common message, with neither mention nor file, checked and stored by one call (postPlainChatMessage): the
 * role, the access rule and the poster rule are read in it as they are now. Nothing back: refused, or a retry; the
 * general path tells which (and stores the message if access was granted in between).
 */
const storePlainMessage = async (deps: ServiceDeps, actor: Actor, v: ChatSendInput, options: ChatOptions): Promise<SentChatMessage> => {
  const stored = await postPlainChatMessage(deps.db.sql, {
    orgId: actor.orgId, caseId: v.caseId, clientId: v.clientId, authorId: actor.userId, body: v.body, posterRoles: CHAT_POSTERS,
  });
  if (stored) return { message: toChatMessage(stored), created: true, notifications: [] };
  return storeMessage(deps, actor, v, options);
};

const isPlain = (v: ChatSendInput): boolean => v.attachmentIds.length === 0 && mentionIdsOf(v.body).length === 0;

/**
 * Stores a message before anyone is told of it, with the case's next number (gap-free, see insertChatMessage). The
 * same client id sent again answers the stored message, stored once, even when both sends race.
 */
export const sendChatMessage = async (deps: ServiceDeps, actor: Actor, input: unknown, options: ChatOptions = {}): Promise<SentChatMessage> => {
  const v = parseInput(chatSendInput, input);
  try {
    return await (isPlain(v) ? storePlainMessage : storeMessage)(deps, actor, v, options);
  } catch (error) {
    if (!isDuplicateClientId(error)) throw error;
    // the other send committed first: answer what it stored
    return withTenant(deps.db.sql, actor.orgId, async (tx) => {
      await requireChatPoster(tx, actor, v.caseId);
      return retried((await findChatMessageByClientId(tx, v.clientId))!, actor, v.caseId);
    });
  }
};
