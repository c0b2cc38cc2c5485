import type { TenantTx } from "../database.ts";

export interface ChatMessageRow {
  id: string;
  caseId: string;
  seq: number;
  rev: number;
  clientId: string;
  authorId: string | null;
  authorName: string | null;
  /** Empty once deleted. */
  body: string;
  mentions: { userId: string; displayName: string }[];
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

/** A message with its author's and mentioned members' names and its files; a deleted one shows neither text nor files. */
const messageSelect = (tx: TenantTx) => tx`
  select m.id, m.case_id as "caseId", m.seq, m.rev, m.client_id as "clientId", m.author_id as "authorId", u.display_name as "authorName",
    case when m.deleted_at is null then m.body else '' end as body,
    case when m.deleted_at is null then coalesce((
      select json_agg(json_build_object('userId', mu.id, 'displayName', mu.display_name) order by mu.display_name, mu.id)
      from users mu where mu.id = any(m.mentions)), '[]'::json) else '[]'::json end as mentions,
    case when m.deleted_at is null then coalesce((
      select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type, 'sizeBytes', a.size_bytes)
        order by a.created_at, a.id)
      from chat_attachments a where a.message_id = m.id), '[]'::json) else '[]'::json end as attachments,
    m.created_at as "createdAt", m.edited_at as "editedAt", m.deleted_at as "deletedAt"
  from chat_messages m left join users u on u.id = m.author_id`;

export const findChatMessage = async (tx: TenantTx, id: string): Promise<ChatMessageRow | undefined> => {
  const [row] = await tx<ChatMessageRow[]>`${messageSelect(tx)} where m.id = ${id}`;
  return row;
};

export const findChatMessageByClientId = async (tx: TenantTx, clientId: string): Promise<ChatMessageRow | undefined> => {
  const [row] = await tx<ChatMessageRow[]>`${messageSelect(tx)} where m.client_id = ${clientId}`;
  return row;
};

/**
 * Stores a message with the case's next number in one statement: the counter row is created or bumped (and so locked
 * until commit: sends to one case queue here, and numbers have no gaps), unless the client id is already stored. Answers
 * the new message's id, or null when the client id was already there. A concurrent send of the same client id fails on
 * the unique key and rolls its bump back with it.
 */
export const insertChatMessage = async (
  tx: TenantTx,
  m: { orgId: string; caseId: string; clientId: string; authorId: string; body: string; mentions: readonly string[] },
): Promise<string | null> => {
  const [row] = await tx<{ id: string }[]>`
    with existing as (select 1 from chat_messages where client_id = ${m.clientId}),
    counter as (
      insert into chat_case_counters as c (org_id, case_id, last_seq, last_rev)
      select ${m.orgId}, ${m.caseId}, 1, 1 where not exists (select 1 from existing)
      on conflict (org_id, case_id) do update set last_seq = c.last_seq + 1, last_rev = c.last_rev + 1
      returning last_seq, last_rev)
    insert into chat_messages (org_id, case_id, seq, rev, client_id, author_id, body, mentions)
    select ${m.orgId}, ${m.caseId}, last_seq, last_rev, ${m.clientId}, ${m.authorId}, ${m.body}, ${tx.array([...m.mentions])}::uuid[] from counter
    returning id`;
  return row?.id ?? null;
};

/** The next change number of a case; its counter row exists once the case has a message, and the update locks it. */
const nextRev = async (tx: TenantTx, caseId: string): Promise<number> => {
  const [row] = await tx<{ rev: number }[]>`
    update chat_case_counters set last_rev = last_rev + 1 where case_id = ${caseId} returning last_rev as rev`;
  return row!.rev;
};

/** Whether an error is the unique key on a tenant's client ids (two sends of one message raced). */
export const isDuplicateClientId = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "23505" &&
  String((error as { constraint_name?: string }).constraint_name ?? "").includes("client_id");

export const updateChatMessageBody = async (tx: TenantTx, m: { caseId: string; id: string; body: string; mentions: readonly string[] }): Promise<void> => {
  const rev = await nextRev(tx, m.caseId);
  await tx`
    update chat_messages set body = ${m.body}, mentions = ${tx.array([...m.mentions])}::uuid[], edited_at = now(), rev = ${rev}
    where id = ${m.id}`;
};

export const markChatMessageDeleted = async (tx: TenantTx, m: { caseId: string; id: string; deletedBy: string }): Promise<void> => {
  const rev = await nextRev(tx, m.caseId);
  await tx`update chat_messages set deleted_at = now(), deleted_by = ${m.deletedBy}, rev = ${rev} where id = ${m.id}`;
};

/** Messages after `afterSeq`, and older ones changed after `afterRev`, in order; one more than `limit` tells there are more. */
export const listChatMessagesSince = async (
  tx: TenantTx,
  q: { caseId: string; afterSeq: number; afterRev: number; limit: number },
): Promise<ChatMessageRow[]> =>
  tx<ChatMessageRow[]>`
    ${messageSelect(tx)}
    where m.case_id = ${q.caseId} and (m.seq > ${q.afterSeq} or m.rev > ${q.afterRev})
    order by m.seq limit ${q.limit}`;

/** The `limit` messages before `before` (all of the latest when null), newest first. */
export const listChatMessagesBefore = async (tx: TenantTx, q: { caseId: string; before: number | null; limit: number }): Promise<ChatMessageRow[]> =>
  tx<ChatMessageRow[]>`
    ${messageSelect(tx)}
    where m.case_id = ${q.caseId} and (${q.before}::bigint is null or m.seq < ${q.before}::bigint)
    order by m.seq desc limit ${q.limit}`;

export const findChatCounter = async (tx: TenantTx, caseId: string): Promise<{ lastSeq: number; lastRev: number }> => {
  const [row] = await tx<{ lastSeq: number; lastRev: number }[]>`
    select last_seq as "lastSeq", last_rev as "lastRev" from chat_case_counters where case_id = ${caseId}`;
  return row ?? { lastSeq: 0, lastRev: 0 };
};

/** Who in the tenant may be mentioned: the members among `userIds` (the others are not members). */
export const findMemberNames = async (tx: TenantTx, userIds: readonly string[]): Promise<Map<string, string>> => {
  if (userIds.length === 0) return new Map();
  const rows = await tx<{ userId: string; displayName: string }[]>`
    select u.id as "userId", u.display_name as "displayName" from memberships m join users u on u.id = m.user_id
    where m.user_id = any(${tx.array([...userIds])}::uuid[])`;
  return new Map(rows.map((r) => [r.userId, r.displayName]));
};

/** The tenant's members, for the mention autocomplete. */
export const listMentionableMembers = async (tx: TenantTx): Promise<{ userId: string; displayName: string; role: string }[]> =>
  tx`select u.id as "userId", u.display_name as "displayName", m.role from memberships m join users u on u.id = m.user_id
     order by u.display_name, u.id`;
