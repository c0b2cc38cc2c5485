/** How a message body is written and read: plain text with `<@user-id>` mentions and bare http(s) links. */

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const MENTION_TOKEN = new RegExp(`<@(${UUID})>`, "gi");
/** http(s) only; a trailing punctuation mark ends the sentence, not the link. */
const LINK = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

export const mentionToken = (userId: string): string => `<@${userId}>`;

/** The distinct user ids mentioned in a body, in order of first appearance. */
export const mentionIdsOf = (body: string): string[] => [...new Set([...body.matchAll(MENTION_TOKEN)].map((m) => m[1]!.toLowerCase()))];

export type MessageSegment =
  | { kind: "text"; text: string }
  | { kind: "link"; href: string }
  | { kind: "mention"; userId: string; displayName: string | null };

const linkSegments = (text: string): MessageSegment[] => {
  const out: MessageSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > at) out.push({ kind: "text", text: text.slice(at, match.index) });
    out.push({ kind: "link", href: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ kind: "text", text: text.slice(at) });
  return out;
};

/**
 * Splits a body into text, links and mentions for display (the UI renders each as text or an element, never as
 * HTML). A mention of someone not in `names` keeps its place with no name.
 */
export const segmentMessage = (body: string, names: ReadonlyMap<string, string>): MessageSegment[] => {
  const out: MessageSegment[] = [];
  let at = 0;
  for (const match of body.matchAll(MENTION_TOKEN)) {
    if (match.index > at) out.push(...linkSegments(body.slice(at, match.index)));
    const userId = match[1]!.toLowerCase();
    out.push({ kind: "mention", userId, displayName: names.get(userId) ?? null });
    at = match.index + match[0].length;
  }
  if (at < body.length) out.push(...linkSegments(body.slice(at)));
  return out;
};

/** The body as plain text, mentions written `@Name` (e-mails, notification excerpts). */
export const plainTextOf = (body: string, names: ReadonlyMap<string, string>): string =>
  body.replace(MENTION_TOKEN, (_m, id: string) => `@${names.get(id.toLowerCase()) ?? "?"}`);
