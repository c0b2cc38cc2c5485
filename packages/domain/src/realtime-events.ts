/**
 * Typed Socket.IO event maps shared by the server and the SPA. Every client→server event takes a payload and an
 * ack; acks are `{ ok: true, data } | { ok: false, error: { code, message, key } }`.
 */
import type { ChatCatchUp, ChatHistoryPage, ChatMessage, ChatTyping, MentionNotification } from "./chat/chat-message.ts";
import type { CollectionAlert } from "./collection/collection-alerts.ts";
import type { AppErrorCode } from "./errors.ts";

/**
 * A refusal: `key` is the translation key the service gave (the same as tRPC errors' `data.key`), or null; `message`
 * is the server's English text, shown when the interface has no wording for the key.
 */
export interface AckError {
  code: AppErrorCode;
  message: string;
  key: string | null;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export interface PresenceMember {
  userId: string;
  displayName: string;
}

export interface PresenceUpdate {
  caseId: string;
  members: PresenceMember[];
}

export interface ClientToServerEvents {
  /** Enter a case room; answers who is in it now. */
  "presence:join": (payload: { caseId: string }, ack: (result: Ack<PresenceUpdate>) => void) => void;
  "presence:leave": (payload: { caseId: string }, ack: (result: Ack<null>) => void) => void;
  /** Case chat: answers the stored message (the same one again for a retried `clientId`). */
  "chat:send": (payload: { caseId: string; clientId: string; body: string; attachmentIds?: string[] }, ack: (result: Ack<ChatMessage>) => void) => void;
  "chat:edit": (payload: { caseId: string; messageId: string; body: string }, ack: (result: Ack<ChatMessage>) => void) => void;
  "chat:delete": (payload: { caseId: string; messageId: string }, ack: (result: Ack<ChatMessage>) => void) => void;
  /** Enters the case's chat room and answers what followed `afterSeq` / `afterRev` (null: the latest page). */
  "chat:since": (payload: { caseId: string; afterSeq: number | null; afterRev: number }, ack: (result: Ack<ChatCatchUp>) => void) => void;
  "chat:history": (payload: { caseId: string; before: number; limit?: number }, ack: (result: Ack<ChatHistoryPage>) => void) => void;
  /** Throttled by the server; never stored. */
  "chat:typing": (payload: { caseId: string }, ack: (result: Ack<null>) => void) => void;
  /** Start receiving `kpi:changed` for the tenant's dashboards (roles that read KPIs only). */
  "dashboard:watch": (payload: Record<string, never>, ack: (result: Ack<DashboardWatch>) => void) => void;
  "dashboard:unwatch": (payload: Record<string, never>, ack: (result: Ack<null>) => void) => void;
}

export interface DashboardWatch {
  /** The last `kpi:changed` sequence sent for the tenant by this node (0 if none): a client seeing a gap refetches. */
  seq: number;
}

/**
 * The tenant's KPIs moved: dashboards refetch their figures (each with its own filters). Coalesced per tenant, so a
 * bulk import sends a handful of these, not one per row.
 */
export interface KpiChanged {
  seq: number;
  /** When the first change of this batch was announced (ISO instant), for freshness display and latency checks. */
  changedAt: string;
  /** How many changes were coalesced into this push. */
  changes: number;
}

/** Progress of an import the user started; `clientRef` is the id the browser gave the upload. */
export interface ImportProgress {
  importId: string;
  clientRef: string | null;
  kind: "csv" | "fec" | "camt";
  rowsRead: number;
  rowsRejected: number;
  bytesRead: number;
  totalBytes: number | null;
}

export interface ImportFinished {
  importId: string;
  clientRef: string | null;
  status: string;
}

/** Something was added to the case's timeline: open case pages refetch it. */
export interface CaseChanged {
  caseId: string;
}

export interface ServerToClientEvents {
  "case:changed": (change: CaseChanged) => void;
  "presence:update": (update: PresenceUpdate) => void;
  "import:progress": (progress: ImportProgress) => void;
  "import:finished": (finished: ImportFinished) => void;
  "chat:message": (message: ChatMessage) => void;
  /** An edit or a deletion (the message as it now is). */
  "chat:updated": (message: ChatMessage) => void;
  "chat:typing": (typing: ChatTyping) => void;
  "notification:new": (notification: MentionNotification) => void;
  "kpi:changed": (change: KpiChanged) => void;
  /** A dispute of a case the socket is in (presence room) was opened or changed: refetch it. */
  "dispute:changed": (change: DisputeChanged) => void;
  /** The daily run raised a collection alert for this member (deadline, promise, action due): the alerts panel adds it. */
  "alert:new": (alert: CollectionAlert) => void;
}

export interface DisputeChanged {
  caseId: string;
  disputeId: string;
}

/** The WebSocket path of the collaborative-notes endpoint: `/yjs/<document name>`. */
export const YJS_PATH_PREFIX = "/yjs/";
/** Document names: `case-<uuid>` for a case's notes (disputes come with the dispute room). */
export const caseDocumentName = (caseId: string): string => `case-${caseId}`;
/** A dispute's notes: authorized like the dispute's case. */
export const disputeDocumentName = (disputeId: string): string => `dispute-${disputeId}`;
/**
 * Reason of the y-websocket "permission denied" auth message (type 2) the Yjs endpoint sends a read-only connection
 * before its first sync: the editor shows the document without letting anyone type (the server drops their edits).
 */
export const YJS_READ_ONLY_REASON = "read-only";
/**
 * Close codes of the Yjs endpoint the editor acts on instead of reconnecting (4000–4999 belong to the application): the
 * session is gone (ended, expired, or none on the upgrade — a browser cannot read an HTTP refusal of an upgrade), or
 * the person no longer has access to the document's case.
 */
export const YJS_CLOSE_SESSION_ENDED = 4401;
export const YJS_CLOSE_ACCESS_REVOKED = 4403;
