import type { Queryable, TenantTx } from "../database.ts";

export interface NotificationRow {
  id: string;
  userId: string;
  kind: "mention";
  caseId: string;
  debtorName: string;
  messageId: string;
  messageSeq: number;
  actorName: string | null;
  /** The message body (empty once deleted), with its mentions' names for the excerpt. */
  body: string;
  mentionNames: { userId: string; displayName: string }[];
  createdAt: Date;
  readAt: Date | null;
}

/** One mention notification per user (never two for one message); returns the ids of those created. */
export const insertMentionNotifications = async (
  tx: TenantTx,
  n: { orgId: string; userIds: readonly string[]; caseId: string; messageId: string; messageSeq: number; actorId: string; emailDueAt: Date },
): Promise<string[]> => {
  if (n.userIds.length === 0) return [];
  const rows = await tx<{ id: string }[]>`
    insert into notifications (org_id, user_id, kind, case_id, message_id, message_seq, actor_id, email_due_at)
    select ${n.orgId}, u, 'mention', ${n.caseId}, ${n.messageId}, ${n.messageSeq}, ${n.actorId}, ${n.emailDueAt}
    from unnest(${tx.array([...n.userIds])}::uuid[]) as u
    on conflict (org_id, user_id, message_id) do nothing
    returning id`;
  return rows.map((r) => r.id);
};

const notificationSelect = (tx: TenantTx) => tx`
  select n.id, n.user_id as "userId", n.kind, n.case_id as "caseId", d.name as "debtorName", n.message_id as "messageId", n.message_seq as "messageSeq",
    a.display_name as "actorName", case when m.deleted_at is null then m.body else '' end as body,
    coalesce((select json_agg(json_build_object('userId', mu.id, 'displayName', mu.display_name))
              from users mu where mu.id = any(m.mentions)), '[]'::json) as "mentionNames",
    n.created_at as "createdAt", n.read_at as "readAt"
  from notifications n
  join cases c on c.id = n.case_id join debtors d on d.id = c.debtor_id
  join chat_messages m on m.id = n.message_id
  left join users a on a.id = n.actor_id`;

export const findNotifications = async (tx: TenantTx, ids: readonly string[]): Promise<NotificationRow[]> =>
  ids.length === 0 ? [] : tx<NotificationRow[]>`${notificationSelect(tx)} where n.id = any(${tx.array([...ids])}::uuid[]) order by n.created_at, n.id`;

/** A user's unread notifications, newest first, and how many there are. */
export const listUnreadNotifications = async (tx: TenantTx, userId: string, limit: number): Promise<{ items: NotificationRow[]; total: number }> => {
  const items = await tx<NotificationRow[]>`
    ${notificationSelect(tx)} where n.user_id = ${userId} and n.read_at is null order by n.created_at desc, n.id limit ${limit}`;
  const [count] = await tx<{ n: number }[]>`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`;
  return { items, total: count!.n };
};

/** Marks some (or, `ids` null, all) of a user's notifications read; returns how many changed. */
export const markNotificationsRead = async (tx: TenantTx, userId: string, ids: readonly string[] | null): Promise<number> => {
  const result = await tx`
    update notifications set read_at = now()
    where user_id = ${userId} and read_at is null
      and (${ids === null}::boolean or id = any(${tx.array([...(ids ?? [])])}::uuid[]))`;
  return result.count;
};

/** A mention to e-mail, claimed by one node across tenants (the owner role). */
export interface DueMentionEmail {
  id: string;
  orgId: string;
  userId: string;
}

/**
 * Claims due e-mails of unread mentions: pending and due, or claimed by a node whose lease ran out. SKIP LOCKED makes
 * two nodes take different rows; the lease keeps the claim after this short statement commits.
 */
export const claimDueMentionEmails = async (
  sql: Queryable, q: { now: Date; leaseMs: number; limit: number; orgId?: string | undefined },
): Promise<DueMentionEmail[]> =>
  sql<DueMentionEmail[]>`
    update notifications set email_status = 'claimed',
      email_locked_until = ${q.now}::timestamptz + make_interval(secs => ${q.leaseMs}::double precision / 1000)
    where id in (
      select id from notifications
      where email_due_at <= ${q.now}::timestamptz and (${q.orgId ?? null}::uuid is null or org_id = ${q.orgId ?? null}::uuid)
        and (email_status = 'pending' or (email_status = 'claimed' and email_locked_until < ${q.now}::timestamptz))
      order by email_due_at limit ${q.limit}
      for update skip locked)
    returning id, org_id as "orgId", user_id as "userId"`;

/** The outcome of a claimed e-mail: sent, recorded in the outbox, skipped (read or seen live), or failed. */
export const finishMentionEmail = async (sql: Queryable, id: string, status: "sent" | "recorded" | "skipped" | "failed"): Promise<void> => {
  await sql`update notifications set email_status = ${status}, email_locked_until = null where id = ${id}`;
};

/** What the mention e-mail says, read inside the tenant. */
export interface MentionEmailContext {
  readAt: Date | null;
  recipientEmail: string;
  recipientName: string;
  locale: "fr" | "en";
  caseId: string;
  messageSeq: number;
  debtorName: string;
  actorName: string | null;
  body: string;
  deleted: boolean;
  mentionNames: { userId: string; displayName: string }[];
}

export const findMentionEmailContext = async (tx: TenantTx, id: string): Promise<MentionEmailContext | undefined> => {
  const [row] = await tx<MentionEmailContext[]>`
    select n.read_at as "readAt", u.email as "recipientEmail", u.display_name as "recipientName", u.locale,
      n.case_id as "caseId", n.message_seq as "messageSeq", d.name as "debtorName", a.display_name as "actorName",
      m.body, m.deleted_at is not null as deleted,
      coalesce((select json_agg(json_build_object('userId', mu.id, 'displayName', mu.display_name))
                from users mu where mu.id = any(m.mentions)), '[]'::json) as "mentionNames"
    from notifications n
    join users u on u.id = n.user_id
    join cases c on c.id = n.case_id join debtors d on d.id = c.debtor_id
    join chat_messages m on m.id = n.message_id
    left join users a on a.id = n.actor_id
    where n.id = ${id}`;
  return row;
};

/** Records a mention e-mail in the outbox shown in the app (sent, or what would have been sent without SMTP). */
export const insertMentionOutboxMessage = async (
  tx: TenantTx,
  m: { orgId: string; caseId: string; recipient: string; subject: string; body: string; messageId: string | null; status: "sent" | "recorded" | "failed"; error: string | null },
): Promise<void> => {
  await tx`
    insert into outbox_messages (org_id, case_id, channel, recipient, subject, body, message_id, status, error, sent_at)
    values (${m.orgId}, ${m.caseId}, 'email', ${m.recipient}, ${m.subject}, ${m.body}, ${m.messageId}, ${m.status}, ${m.error},
      case when ${m.status} in ('sent', 'recorded') then now() end)`;
};
