import { simpleParser } from "mailparser";
import { invalidField } from "../channel-errors.ts";
import { findPart, parseHeaderBlock, parseMimeMessage, splitHeadersAndBody, type MimePart } from "./mime-parts.ts";
import { isRelanceMessageId, withBrackets } from "./message-id.ts";

/** A recipient's failure (`Action: failed`) or a warning that delivery is still being tried (`Action: delayed`). */
export interface DeliveryFailure {
  kind: "bounce" | "delay";
  /** Message-ID of our message, from the headers the report returns; null when the MTA returned none. */
  originalMessageId: string | null;
  /** The address we sent to (Original-Recipient, else Final-Recipient). */
  recipient: string | null;
  /** Enhanced status code (RFC 3463), e.g. `5.1.1`. */
  status: string | null;
  /** The remote server's words, e.g. `550 5.1.1 User unknown`. */
  diagnostic: string | null;
  /** A 5.x.x status: the address will not work later either. */
  permanent: boolean;
}

export interface DeliveryReply {
  kind: "reply";
  /** The one of our Message-IDs the message answers. */
  inReplyTo: string;
  from: string | null;
  text: string;
  /** An out-of-office or other automatic answer (RFC 3834 Auto-Submitted, or the common vendor headers). */
  automatic: boolean;
}

export type DeliveryStatus = DeliveryFailure | DeliveryReply;

export interface ParseDeliveryStatusOptions {
  /** Whether a Message-ID is one we sent; by default, the `relance.` prefix our mailer gives its ids. */
  isOurMessageId?: (id: string) => boolean | Promise<boolean>;
}

// Bounces and replies are small; anything this large is not worth parsing in memory.
const MAX_RAW_LENGTH = 25 * 1024 * 1024;

const isDeliveryReport = (part: MimePart) =>
  part.contentType === "multipart/report" && part.params["report-type"]?.toLowerCase() === "delivery-status";

/** `rfc822; a@b.fr` → `a@b.fr`; `smtp; 550 …` → `550 …`: the type prefix is the MTA's, not the user's business. */
const withoutTypePrefix = (value: string | undefined): string | null => {
  if (value === undefined) return null;
  const semicolon = value.indexOf(";");
  const text = (semicolon < 0 ? value : value.slice(semicolon + 1)).replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
};

/** The report is one per-message field block, then one block per recipient, separated by blank lines. */
const recipientBlocks = (report: string): Map<string, string>[] =>
  report
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .slice(1)
    .map(parseHeaderBlock)
    .filter((fields) => fields.has("final-recipient") || fields.has("action"));

const returnedMessageId = (report: MimePart): string | null => {
  const returned = report.parts.find((part) =>
    ["message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers"].includes(part.contentType),
  );
  if (returned === undefined) return null;
  const { headerBlock } = splitHeadersAndBody(returned.body.toString("utf8"));
  return parseHeaderBlock(headerBlock).get("message-id")?.trim() ?? null;
};

const parseFailure = (report: MimePart): DeliveryFailure | null => {
  const statusPart = report.parts.find((part) => ["message/delivery-status", "message/global-delivery-status"].includes(part.contentType));
  if (statusPart === undefined) return null;
  const blocks = recipientBlocks(statusPart.body.toString("utf8"));
  const actionOf = (fields: Map<string, string>) => fields.get("action")?.toLowerCase().trim();
  // A report may list several recipients; a failure matters more than a delay, and "delivered" needs no action.
  const chosen = blocks.find((fields) => actionOf(fields) === "failed") ?? blocks.find((fields) => actionOf(fields) === "delayed");
  if (chosen === undefined) return null;
  const status = /\d\.\d{1,3}\.\d{1,3}/.exec(chosen.get("status") ?? "")?.[0] ?? null;
  return {
    kind: actionOf(chosen) === "failed" ? "bounce" : "delay",
    originalMessageId: returnedMessageId(report),
    recipient: withoutTypePrefix(chosen.get("original-recipient") ?? chosen.get("final-recipient")),
    status,
    diagnostic: withoutTypePrefix(chosen.get("diagnostic-code")),
    permanent: status?.startsWith("5.") ?? false,
  };
};

const isAutomatic = (headers: Map<string, unknown>): boolean => {
  const text = (name: string) => {
    const value = headers.get(name);
    return typeof value === "string" ? value.toLowerCase().trim() : undefined;
  };
  const autoSubmitted = text("auto-submitted");
  return (
    (autoSubmitted !== undefined && !autoSubmitted.startsWith("no")) ||
    headers.has("x-autoreply") ||
    headers.has("x-autorespond") ||
    ["auto_reply", "bulk", "junk"].includes(text("precedence") ?? "")
  );
};

const parseReply = async (raw: string | Buffer, isOurs: (id: string) => boolean | Promise<boolean>): Promise<DeliveryReply | null> => {
  const mail = await simpleParser(raw);
  const references = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
  // In-Reply-To names the message answered; References lists the thread, newest last.
  const candidates = [...(mail.inReplyTo === undefined ? [] : mail.inReplyTo.split(/\s+/)), ...[...references].reverse()]
    .map((id) => id.trim())
    .filter((id) => id !== "")
    .map(withBrackets);
  for (const id of candidates) {
    if (await isOurs(id)) {
      const from = mail.from?.value[0]?.address ?? null;
      return { kind: "reply", inReplyTo: id, from, text: (mail.text ?? "").trim(), automatic: isAutomatic(mail.headers) };
    }
  }
  return null;
};

/**
 * Reads a message arriving at our return address: a delivery-status report (RFC 3464) about one of our messages, or
 * a reply to one. Anything else (spam, a bounce without a standard report, a new conversation) gives null.
 */
export const parseDeliveryStatus = async (
  raw: string | Buffer,
  options: ParseDeliveryStatusOptions = {},
): Promise<DeliveryStatus | null> => {
  if (raw.length > MAX_RAW_LENGTH) throw invalidField("rawMessage", "is larger than 25 MB");
  const report = findPart(parseMimeMessage(raw), isDeliveryReport);
  if (report !== undefined) return parseFailure(report);
  return parseReply(raw, options.isOurMessageId ?? isRelanceMessageId);
};
