import type { ChatMessageRow, NotificationRow } from "@relance/db";
import { plainTextOf, type ChatMessage, type MentionNotification } from "@relance/domain";

export const toChatMessage = (row: ChatMessageRow): ChatMessage => ({
  id: row.id,
  caseId: row.caseId,
  seq: row.seq,
  rev: row.rev,
  clientId: row.clientId,
  authorId: row.authorId,
  authorName: row.authorName,
  body: row.body,
  mentions: row.mentions,
  attachments: row.attachments,
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
  deletedAt: row.deletedAt?.toISOString() ?? null,
});

const EXCERPT_CHARS = 140;

export const excerptOf = (body: string, names: { userId: string; displayName: string }[]): string => {
  const text = plainTextOf(body, new Map(names.map((n) => [n.userId, n.displayName]))).replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
};

export const toMentionNotification = (row: NotificationRow): MentionNotification => ({
  id: row.id,
  kind: row.kind,
  caseId: row.caseId,
  debtorName: row.debtorName,
  messageId: row.messageId,
  messageSeq: row.messageSeq,
  actorName: row.actorName,
  excerpt: excerptOf(row.body, row.mentionNames),
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});
