import type { Queryable, TenantTx } from "../database.ts";

/** The message of ours an inbound e-mail answers, found across tenants before the tenant is known. */
export interface AnsweredMessageRow {
  outboxMessageId: string;
  orgId: string;
  caseId: string | null;
  /** Set for a dunning reminder; a thank-you or a mention e-mail has none. */
  actionId: string | null;
  channel: "email" | "sms" | "letter";
  recipient: string;
  status: "queued" | "sent" | "recorded" | "failed" | "bounced";
}

/**
 * System look-up by our Message-ID (the unique index on outbox_messages.message_id): the routing facts only, from
 * outbox_messages alone, the one tenant table the owner may read (the read-only `system_lookup` policy).
 */
export const findMessageAnswered = async (sql: Queryable, messageId: string): Promise<AnsweredMessageRow | undefined> => {
  const [row] = await sql<AnsweredMessageRow[]>`
    select id as "outboxMessageId", org_id as "orgId", case_id as "caseId", action_id as "actionId", channel, recipient, status
    from outbox_messages where message_id = ${messageId}`;
  return row;
};

/** The case a message was about, with its debtor's current address and who follows it. */
export const findAnsweredCase = async (
  tx: TenantTx, caseId: string,
): Promise<{ debtorId: string; debtorEmail: string | null; assigneeId: string | null } | undefined> => {
  const [row] = await tx<{ debtorId: string; debtorEmail: string | null; assigneeId: string | null }[]>`
    select c.debtor_id as "debtorId", d.email as "debtorEmail", c.assignee_id as "assigneeId"
    from cases c join debtors d on d.id = c.debtor_id where c.id = ${caseId}`;
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
