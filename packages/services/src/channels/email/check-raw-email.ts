import { createHash } from "node:crypto";
import { invalidField } from "../channel-errors.ts";
import { parseHeaderBlock } from "./mime-parts.ts";

/** Replies and delivery reports are small; a message past this is refused whole rather than read. */
export const MAX_INBOUND_EMAIL_BYTES = 10 * 1024 * 1024;

export interface RawEmail {
  /** The message as received, without an mbox "From " envelope line. */
  bytes: Buffer;
  /** Its own Message-ID header, when it has one. */
  messageId: string | null;
  /** What makes a second delivery of the same message recognizable: its Message-ID, else a digest of its bytes. */
  key: string;
}

const FIELD_LINE = /^[!-9;-~]+:/;
const MAX_KEY_LENGTH = 998;

const notAnEmail = (why: string) => invalidField("message", `${why}: not an e-mail (RFC 5322) message`);

/**
 * Checks that the input is one raw e-mail before anything reads it: not empty, not over the size limit, a header block
 * of `Name: value` fields (the offending line is named) with a From field.
 */
export const checkRawEmail = (raw: string | Buffer, maxBytes = MAX_INBOUND_EMAIL_BYTES): RawEmail => {
  let bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  if (bytes.length > maxBytes) throw invalidField("message", `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the largest accepted`);
  // A pipe from an MTA may prepend the mbox envelope line ("From sender date"); it is not part of the message.
  if (bytes.subarray(0, 5).toString("latin1") === "From ") {
    const newline = bytes.indexOf(0x0a);
    bytes = newline < 0 ? Buffer.alloc(0) : bytes.subarray(newline + 1);
  }
  const text = bytes.toString("latin1");
  if (text.trim() === "") throw invalidField("message", "is empty");
  const blank = /\r?\n\r?\n/.exec(text);
  const headerBlock = blank === null ? text : text.slice(0, blank.index);
  const lines = headerBlock.split(/\r?\n/);
  lines.forEach((line, i) => {
    const continuation = i > 0 && /^[ \t]/.test(line);
    if (!continuation && !FIELD_LINE.test(line)) throw notAnEmail(`line ${i + 1} is not a header field ("${line.slice(0, 40)}")`);
  });
  const headers = parseHeaderBlock(headerBlock);
  if (!headers.has("from")) throw notAnEmail("it has no From header");
  const messageId = headers.get("message-id")?.trim() || null;
  const key = messageId !== null && messageId.length <= MAX_KEY_LENGTH ? messageId : `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return { bytes, messageId, key };
};
