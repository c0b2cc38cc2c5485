import type { SmsSegments } from "./sms-segments.ts";

export interface SmsMessage {
  /** Any spelling `normalizePhoneNumber` reads; sent as E.164. */
  to: string;
  text: string;
  /** Our id for this message (e.g. the dunning action's id): echoed in status callbacks, and the idempotency key. */
  reference: string;
}

export interface SmsSendResult {
  /** The provider's message id (a generated one in outbox mode). */
  id: string;
  /** The provider's status word at acceptance, e.g. `queued`; `recorded` in outbox mode. */
  status: string;
  to: string;
  segments: SmsSegments;
}

/** A message after validation: the number in E.164 and its cost in parts. */
export interface PreparedSms {
  to: string;
  text: string;
  reference: string;
  segments: SmsSegments;
}

export interface OutboxSms extends PreparedSms {
  id: string;
  recordedAt: Date;
}

interface SmsSenderBase {
  send(message: SmsMessage): Promise<SmsSendResult>;
}

export interface HttpSmsSender extends SmsSenderBase {
  readonly mode: "http";
}

/** Used when no provider is configured: messages are validated and recorded, never sent. */
export interface OutboxSmsSender extends SmsSenderBase {
  readonly mode: "outbox";
  /** The latest messages, only when no `onOutbox` sink was given (scripts, tests); empty otherwise. */
  readonly recorded: readonly OutboxSms[];
}

export type SmsSender = HttpSmsSender | OutboxSmsSender;
