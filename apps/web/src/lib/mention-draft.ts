import { mentionIdsOf, mentionToken } from "@relance/domain";

export interface Mentionable {
  userId: string;
  displayName: string;
}

/** The `@query` being typed just before the caret, if any. */
export const mentionQueryAt = (text: string, caret: number): { start: number; query: string } | null => {
  const match = /(^|\s)@([\p{L}\p{N}._'-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
};

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Members whose name (or one of its words) starts with the query. */
export const matchMembers = (members: readonly Mentionable[], query: string, limit = 8): Mentionable[] => {
  const q = fold(query);
  return members.filter((m) => fold(m.displayName).split(/\s+/).some((w) => w.startsWith(q)) || fold(m.displayName).startsWith(q)).slice(0, limit);
};

/** The draft as the server stores it: each picked `@Name` still present becomes `<@id>`. */
export const encodeMentions = (text: string, picked: readonly Mentionable[]): string => {
  let out = text;
  for (const m of [...picked].sort((a, b) => b.displayName.length - a.displayName.length)) out = out.split(`@${m.displayName}`).join(mentionToken(m.userId));
  return out;
};

/** A stored body back into an editable draft (`<@id>` → `@Name`) and the mentions it holds. */
export const decodeMentions = (body: string, names: readonly Mentionable[]): { text: string; picked: Mentionable[] } => {
  const byId = new Map(names.map((m) => [m.userId, m]));
  const picked = mentionIdsOf(body).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  let text = body;
  for (const m of picked) text = text.split(mentionToken(m.userId)).join(`@${m.displayName}`);
  return { text, picked };
};
