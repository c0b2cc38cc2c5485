import { domainToASCII } from "node:url";
import { hasLineBreak, invalidField, stripLineBreaks } from "../channel-errors.ts";
import type { EmailAddress, EmailAttachment, EmailMessage, NamedAddress, PreparedEmail } from "./email-message.ts";
import { generateMessageId, isMessageIdShape } from "./message-id.ts";

// Pragmatic RFC 5321 shape: dot-atom local part (no quoted strings), an LDH domain with at least one dot.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Returns the address with its domain in ASCII (IDN → punycode), or throws an error naming the field. */
export const normalizeEmailAddress = (address: string, field: string): string => {
  const trimmed = address.trim();
  if (hasLineBreak(address)) throw invalidField(field, "an e-mail address cannot contain a line break");
  const at = trimmed.lastIndexOf("@");
  const local = trimmed.slice(0, at);
  const domain = at < 0 ? "" : domainToASCII(trimmed.slice(at + 1).toLowerCase());
  const valid =
    at > 0 &&
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    domain.length > 0 &&
    domain.length <= 253 &&
    domain.includes(".") &&
    domain.split(".").every((label) => DOMAIN_LABEL.test(label));
  if (!valid || local.length + 1 + domain.length > 254) throw invalidField(field, `"${trimmed.slice(0, 80)}" is not a valid e-mail address`);
  return `${local}@${domain}`;
};

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

const toNamedAddress = (value: EmailAddress, field: string): NamedAddress => {
  if (typeof value === "string") return { name: "", address: normalizeEmailAddress(value, field) };
  return { name: value.name.replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim(), address: normalizeEmailAddress(value.address, `${field}.address`) };
};

// Headers the mailer builds itself: letting a caller set them would bypass the address checks or break the MIME tree.
const RESERVED_HEADERS = new Set([
  "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date", "mime-version", "content-type",
  "content-transfer-encoding", "content-disposition", "return-path",
]);
const HEADER_NAME = /^[!-9;-~]+$/;

const prepareHeaders = (headers: EmailMessage["headers"]): { messageId?: string; headers: Record<string, string> } => {
  const result: Record<string, string> = {};
  let messageId: string | undefined;
  for (const [name, raw] of Object.entries(headers ?? {})) {
    if (raw === undefined) continue;
    const field = `headers.${name}`;
    if (!HEADER_NAME.test(name)) throw invalidField(field, "is not a valid header name");
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw invalidField(field, "is set by the mailer and cannot be overridden");
    const value = stripLineBreaks(raw).trim();
    if (name.toLowerCase() === "message-id") {
      if (!isMessageIdShape(value)) throw invalidField(field, 'must look like "<unique@domain>"');
      messageId = value;
    } else {
      result[name] = value;
    }
  }
  return messageId === undefined ? { headers: result } : { messageId, headers: result };
};

// Array.isArray does not narrow readonly arrays, hence the guard.
const isAddressList = (to: EmailAddress | readonly EmailAddress[]): to is readonly EmailAddress[] => Array.isArray(to);

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

const prepareAttachment = (attachment: EmailAttachment, index: number): EmailAttachment => {
  const field = `attachments.${index}`;
  const filename = stripLineBreaks(attachment.filename).replace(/[\\/]/g, "_").trim();
  if (filename === "") throw invalidField(`${field}.filename`, "is required");
  if (!CONTENT_TYPE.test(attachment.contentType)) throw invalidField(`${field}.contentType`, `"${stripLineBreaks(attachment.contentType)}" is not a MIME type`);
  if (!Buffer.isBuffer(attachment.content)) throw invalidField(`${field}.content`, "must be a Buffer");
  return { filename, content: attachment.content, contentType: attachment.contentType };
};

/**
 * Validates a message and fixes what is safe to fix: line breaks in the subject become spaces (a template may wrap a
 * long subject), while a line break in an address is refused, since no legitimate address has one.
 */
export const prepareEmail = (message: EmailMessage): PreparedEmail => {
  const from = toNamedAddress(message.from, "from");
  const recipients = isAddressList(message.to) ? message.to : [message.to];
  if (recipients.length === 0) throw invalidField("to", "at least one recipient is required");
  const to = recipients.map((recipient, index) => toNamedAddress(recipient, recipients.length === 1 ? "to" : `to.${index}`));
  const subject = stripLineBreaks(message.subject).trim();
  if (subject === "") throw invalidField("subject", "is required");
  if (message.text.trim() === "") throw invalidField("text", "is required");
  const { messageId, headers } = prepareHeaders(message.headers);
  const domain = from.address.slice(from.address.lastIndexOf("@") + 1);
  return {
    messageId: messageId ?? generateMessageId(domain),
    from,
    to,
    ...(message.replyTo === undefined ? {} : { replyTo: toNamedAddress(message.replyTo, "replyTo") }),
    subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    attachments: (message.attachments ?? []).map(prepareAttachment),
    headers,
  };
};
