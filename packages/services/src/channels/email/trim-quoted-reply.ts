/** What the timeline keeps of a reply: the debtor's words, not pages of quoted history or a long signature. */
export const MAX_REPLY_TEXT_LENGTH = 4000;

// The line a mail client writes above the quoted message, in the languages our debtors write in.
const ATTRIBUTION = [
  /^On .{1,200}wrote:?$/i, // Gmail, Apple Mail, Thunderbird (en)
  /^Le .{1,200}a écrit\s*:?$/i, // fr
  /^Am .{1,200}schrieb .{0,200}:?$/i, // de
  /^Il giorno .{1,200}ha scritto:?$/i, // it
  /^-{2,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Messaggio originale)\s*-{2,}$/i,
  /^_{10,}$/, // Outlook's rule above the quoted header block
];
// Outlook quotes without ">" but starts with a header block: "From: …" (or "De : …") right after a blank line.
const QUOTED_HEADER = /^(From|De|Von|Da)\s?:\s.+/;

export interface TrimmedReply {
  text: string;
  /** Quoted history was cut off, or the text was longer than the timeline keeps. */
  trimmed: boolean;
}

/**
 * The new part of a reply: everything above the first attribution line or quoted block, without trailing blank
 * lines, capped at MAX_REPLY_TEXT_LENGTH characters. A reply that is nothing but quotation keeps its text as is.
 */
export const trimQuotedReply = (text: string, maxLength = MAX_REPLY_TEXT_LENGTH): TrimmedReply => {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const previousBlank = i === 0 || lines[i - 1]!.trim() === "";
    if (line.startsWith(">") || ATTRIBUTION.some((re) => re.test(line)) || (previousBlank && QUOTED_HEADER.test(line) && i > 0)) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join("\n").trim();
  const body = kept === "" ? text.trim() : kept;
  const cut = kept !== "" && end < lines.length;
  if (body.length <= maxLength) return { text: body, trimmed: cut };
  return { text: `${body.slice(0, maxLength - 1).trimEnd()}…`, trimmed: true };
};
