import type { PendingQuery } from "postgres";
import type { TenantTx } from "../database.ts";
import { salesRepSeesCaseSql } from "./case-participants.ts";
import type { ChatMessageRow } from "./chat-messages.ts";

/**
 * The common send (no mention, no file) in one statement: the author's role is read from his membership as it is now,
 * the case must be one he sees under the access rule (everyone but sales reps; a rep: the cases of debtors he owns and
 * those he holds an active grant to) and his role one of `posterRoles`; then, unless the client id is already stored,
 * the case's counter is bumped (and locked until commit, as in insertChatMessage: numbers have no gaps) and the message
 * stored. Answers the stored message, or no row when anything refused it or the client id was already there: the
 * caller then tells which, with the usual checks. Built unawaited, for runTenantStatement (one round trip).
 */
export const postPlainChatMessage = (
  tx: TenantTx,
  m: { orgId: string; caseId: string; clientId: string; authorId: string; body: string; posterRoles: readonly string[] },
): PendingQuery<ChatMessageRow[]> =>
  tx<ChatMessageRow[]>`
    with author as (
      select role from memberships where user_id = ${m.authorId} and role = any(${tx.array([...m.posterRoles])}::text[])),
    target as (
      select c.id from cases c join debtors d on d.id = c.debtor_id, author a
      where c.id = ${m.caseId}
        and (a.role <> 'sales' or ${salesRepSeesCaseSql(tx, m.authorId)})),
    counter as (
      insert into chat_case_counters as c (org_id, case_id, last_seq, last_rev)
      select ${m.orgId}, t.id, 1, 1 from target t
      where not exists (select 1 from chat_messages where client_id = ${m.clientId})
      on conflict (org_id, case_id) do update set last_seq = c.last_seq + 1, last_rev = c.last_rev + 1
      returning case_id, last_seq, last_rev),
    stored as (
      insert into chat_messages (org_id, case_id, seq, rev, client_id, author_id, body)
      select ${m.orgId}, case_id, last_seq, last_rev, ${m.clientId}, ${m.authorId}, ${m.body} from counter
      returning id, case_id, seq, rev, client_id, author_id, body, created_at)
    select s.id, s.case_id as "caseId", s.seq, s.rev, s.client_id as "clientId", s.author_id as "authorId",
      u.display_name as "authorName", s.body, '[]'::json as mentions, '[]'::json as attachments,
      s.created_at as "createdAt", null::timestamptz as "editedAt", null::timestamptz as "deletedAt"
    from stored s left join users u on u.id = s.author_id`;
