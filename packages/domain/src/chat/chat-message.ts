import type { Role } from "../roles.ts";

/** Longest message body, in characters. */
export const CHAT_MAX_BODY_CHARS = 10_000;
/** Most files one message carries. */
export const CHAT_MAX_ATTACHMENTS = 5;
/** Those who write in a case's chat; managers watch (they read the chat, they do not post in it). */
export const CHAT_POSTERS: readonly Role[] = ["admin", "credit_manager", "billing", "sales"];

export interface ChatMention {
  userId: string;
  displayName: string;
}

export interface ChatAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * A message as every client sees it. `seq` numbers a case's messages without gaps; `rev` grows with every change in
 * the case (insert, edit, delete). A deleted message keeps its place (seq) but loses its text and files.
 */
export interface ChatMessage {
  id: string;
  caseId: string;
  seq: number;
  rev: number;
  clientId: string;
  authorId: string | null;
  authorName: string | null;
  /** Plain text; a mention is written `<@user-id>`. */
  body: string;
  mentions: ChatMention[];
  attachments: ChatAttachment[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** What a client missed: messages after `afterSeq`, and older ones changed after `afterRev`. */
export interface ChatCatchUp {
  caseId: string;
  messages: ChatMessage[];
  /** The case's last message number and change number when this was read. */
  lastSeq: number;
  lastRev: number;
  /** More messages follow `messages` (ask again from the last one). */
  hasMore: boolean;
}

export interface ChatHistoryPage {
  caseId: string;
  /** Oldest first. */
  messages: ChatMessage[];
  /** Older messages exist before the first one. */
  hasMore: boolean;
}

export interface ChatTyping {
  caseId: string;
  userId: string;
  displayName: string;
}

/** An in-app notification: someone mentioned the user in a case's chat. */
export interface MentionNotification {
  id: string;
  kind: "mention";
  caseId: string;
  debtorName: string;
  messageId: string;
  messageSeq: number;
  actorName: string | null;
  /** The start of the message, mentions written as names. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}
