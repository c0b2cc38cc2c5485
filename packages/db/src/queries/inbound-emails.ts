import type { Queryable, TenantTx } from "../database.ts";

/** The message of ours an inbound e-mail answers, found across tenants before the tenant is known. */
export interface AnsweredMessageRow {
  outboxMessageId: string;
  orgId: string;
  caseId: string | null;
  debtorId: string | null;
  channel: "email" | "sms" | "letter";
  recipient: string;
  status: "queued" | "sent" | "recorded" | "failed" | "bounced";
  /** A reminder or a thank-you to the debtor, as opposed to a mention e-mail to a member about the case. */
  toDebtor: boolean;
  assigneeId: string | null;
}

/**
 * System look-up by our Message-ID (the unique index on outbox_messages.message_id); reads nothing but the routing
 * facts. Runs as the owner, through the read-only `system_lookup` policy.
 */
export const findMessageAnswered = async (sql: Queryable, messageId: string): Promise<AnsweredMessageRow | undefined> => {
  const [row] = await sql<AnsweredMessageRow[]>`
    select o.id as "outboxMessageId", o.org_id as "orgId", o.case_id as "caseId", c.debtor_id as "debtorId", o.channel, o.recipient,
      o.status, c.assignee_id as "assigneeId",
      (o.action_id is not null or lower(o.recipient) = lower(coalesce(d.email, ''))) as "toDebtor"
    from outbox_messages o
    left join cases c on c.org_id = o.org_id and c.id = o.case_id
    left join debtors d on d.org_id = c.org_id and d.id = c.debtor_id
    where o.message_id = ${messageId}`;
  return row;
};

/**
 * Records that an inbound e-mail was taken into account and answers its id; null when it already was (same key), or
 * when a delay warning about the same message was already recorded.
 */
export const insertInboundEmailIfNew = async (
  tx: TenantTx,
  e: { orgId: string; inboundKey: string; outboxMessageId: string; kind: "reply" | "bounce" | "delay"; receivedAt: Date },
): Promise<string | null> => {
  const [row] = await tx<{ id: string }[]>`
    insert into inbound_emails (org_id, inbound_key, outbox_message_id, kind, received_at)
    values (${e.orgId}, ${e.inboundKey}, ${e.outboxMessageId}, ${e.kind}, ${e.receivedAt})
    on conflict do nothing
    returning id`;
  return row?.id ?? null;
};

/** A permanent failure: the outbox shows the message bounced, with the remote server's reason. */
export const markOutboxMessageBounced = async (tx: TenantTx, outboxMessageId: string, reason: string): Promise<void> => {
  await tx`update outbox_messages set status = 'bounced', error = ${reason} where id = ${outboxMessageId}`;
};
