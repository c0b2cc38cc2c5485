import { invalidField } from "../channel-errors.ts";

export type SmsDeliveryState = "queued" | "sent" | "delivered" | "failed" | "unknown";

export interface SmsStatusUpdate {
  /** The provider's message id, as returned by `send`. */
  id: string;
  /** Our reference, when the provider echoes it. */
  reference: string | null;
  state: SmsDeliveryState;
  /** The provider's own word, kept for the audit log. */
  providerStatus: string;
  errorCode: string | null;
  errorMessage: string | null;
  occurredAt: Date | null;
}

// Words used by common providers and by SMPP delivery receipts (DELIVRD, UNDELIV, …), lower-cased.
const STATES: Record<string, SmsDeliveryState> = {
  queued: "queued", pending: "queued", scheduled: "queued", accepted: "queued", sending: "queued", enroute: "queued",
  sent: "sent", submitted: "sent", buffered: "sent",
  delivered: "delivered", delivrd: "delivered", delivered_to_handset: "delivered",
  failed: "failed", undelivered: "failed", undeliv: "failed", rejected: "failed", rejectd: "failed", expired: "failed",
  deleted: "failed", blocked: "failed", error: "failed",
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A webhook body as the server received it: parsed JSON, raw JSON text or bytes, or a form-encoded string. */
const toRecord = (body: unknown): Record<string, unknown> => {
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (Buffer.isBuffer(body)) return toRecord(body.toString("utf8"));
  if (typeof body === "string") {
    const text = body.trim();
    if (text.startsWith("{")) {
      try {
        return toRecord(JSON.parse(text));
      } catch {
        throw invalidField("body", "is not valid JSON");
      }
    }
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (isRecord(body)) return body;
  throw invalidField("body", "must be an object, JSON or a form-encoded string");
};

const firstText = (record: Record<string, unknown>, names: readonly string[]): string | null => {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    if (typeof value === "number") return String(value);
  }
  return null;
};

const parseInstant = (text: string | null): Date | null => {
  if (text === null) return null;
  // Unix seconds are what several providers send; anything else must be ISO 8601.
  const date = /^\d{9,11}$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Reads a provider's delivery report; an unknown status word becomes `unknown` rather than an error, so none is lost. */
export const parseSmsStatusCallback = (body: unknown): SmsStatusUpdate => {
  const record = toRecord(body);
  const error = isRecord(record.error) ? record.error : {};
  const id = firstText(record, ["id", "messageId", "message_id", "MessageSid"]);
  if (id === null) throw invalidField("id", "is required");
  const providerStatus = firstText(record, ["status", "state", "MessageStatus"]);
  if (providerStatus === null) throw invalidField("status", "is required");
  return {
    id,
    reference: firstText(record, ["reference", "clientReference", "client_reference"]),
    state: STATES[providerStatus.toLowerCase()] ?? "unknown",
    providerStatus,
    errorCode: firstText(record, ["errorCode", "error_code", "ErrorCode"]) ?? firstText(error, ["code"]),
    errorMessage:
      firstText(record, ["errorMessage", "error_message", "ErrorMessage"]) ??
      firstText(error, ["message"]) ??
      (typeof record.error === "string" ? record.error : null),
    occurredAt: parseInstant(firstText(record, ["timestamp", "statusAt", "updatedAt", "deliveredAt"])),
  };
};
