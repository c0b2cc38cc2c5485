import type { Sql } from "../database.ts";
import type { ChatMessageRow } from "./chat-messages.ts";

/**
 * The common send (no mention, no file) in one call, its own transaction (migration 0019): the author's role is read
 * from his membership as it is now, the case must be one he sees under the access rule (everyone but sales reps; a rep:
 * the cases of debtors he owns and those he holds an active grant to) and his role one of `posterRoles`; then, unless
 * the client id is already stored, the case's counter is bumped (and locked until commit, as in insertChatMessage:
 * numbers have no gaps) and the message stored. Answers the stored message, or no row when anything refused it or the
 * client id was already there: the caller then tells which, with the usual checks. Never call it inside a transaction:
 * the tenant it enters would stay entered until that transaction ends.
 */
export const postPlainChatMessage = async (
  sql: Sql,
  m: { orgId: string; caseId: string; clientId: string; authorId: string; body: string; posterRoles: readonly string[] },
): Promise<ChatMessageRow | undefined> => {
  const [row] = await sql<ChatMessageRow[]>`
    select * from chat_post_plain(${m.orgId}, ${m.caseId}, ${m.clientId}, ${m.authorId}, ${m.body}, ${sql.array([...m.posterRoles])}::text[])`;
  return row;
};
