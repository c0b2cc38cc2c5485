import type { TenantTx } from "../database.ts";

export interface OutboxMessageRow {
  id: string;
  createdAt: Date;
  sentAt: Date | null;
  channel: "email" | "sms" | "letter";
  recipient: string;
  subject: string | null;
  status: "queued" | "sent" | "recorded" | "failed" | "bounced";
  error: string | null;
  actionId: string | null;
  caseId: string | null;
  debtorName: string | null;
  /** The PDF of a letter, when one was generated. */
  documentId: string | null;
}

export interface OutboxFilter {
  channel: "email" | "sms" | "letter" | null;
  status: "queued" | "sent" | "recorded" | "failed" | "bounced" | null;
  caseId: string | null;
  /** Keyset: rows created before this one (newest first). */
  before: { createdAt: Date; id: string } | null;
  limit: number;
}

const columns = (tx: TenantTx) => tx`
  o.id, o.created_at as "createdAt", o.sent_at as "sentAt", o.channel, o.recipient, o.subject, o.status, o.error,
  o.action_id as "actionId", o.case_id as "caseId", d.name as "debtorName",
  (select g.id from generated_documents g where g.action_id = o.action_id and o.action_id is not null order by g.created_at desc limit 1) as "documentId"`;

/** What was sent, or recorded as it would have been, newest first. */
export const listOutboxMessages = (tx: TenantTx, f: OutboxFilter): Promise<OutboxMessageRow[]> =>
  tx<OutboxMessageRow[]>`
    select ${columns(tx)}
    from outbox_messages o left join cases c on c.id = o.case_id left join debtors d on d.id = c.debtor_id
    where (${f.channel}::text is null or o.channel = ${f.channel}::text)
      and (${f.status}::text is null or o.status = ${f.status}::text)
      and (${f.caseId}::uuid is null or o.case_id = ${f.caseId}::uuid)
      and (${f.before?.createdAt ?? null}::timestamptz is null or (o.created_at, o.id) < (${f.before?.createdAt ?? null}::timestamptz, ${f.before?.id ?? null}::uuid))
    order by o.created_at desc, o.id desc
    limit ${f.limit}`;

export const findOutboxMessage = async (tx: TenantTx, id: string): Promise<(OutboxMessageRow & { body: string; messageId: string | null }) | undefined> => {
  const [row] = await tx<(OutboxMessageRow & { body: string; messageId: string | null })[]>`
    select ${columns(tx)}, o.body, o.message_id as "messageId"
    from outbox_messages o left join cases c on c.id = o.case_id left join debtors d on d.id = c.debtor_id
    where o.id = ${id}`;
  return row;
};

/** A generated PDF (letter, formal notice) with the case it belongs to, for the access check. */
export const findGeneratedDocument = async (tx: TenantTx, id: string): Promise<{ caseId: string | null; fileName: string; content: Buffer } | undefined> => {
  const [row] = await tx<{ caseId: string | null; fileName: string; content: Buffer }[]>`
    select case_id as "caseId", file_name as "fileName", content from generated_documents where id = ${id}`;
  return row;
};
