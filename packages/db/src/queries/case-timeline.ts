import type { TenantTx } from "../database.ts";

export const TIMELINE_KINDS = [
  "reminder",
  "call",
  "note",
  "promise",
  "promise_kept",
  "promise_broken",
  "payment",
  "stage_change",
  "document",
  "dispute",
  "reply",
  "bounce",
  "hold",
  "assignment",
  "credit_limit",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface NewTimelineEvent {
  orgId: string;
  debtorId: string;
  caseId: string | null;
  kind: TimelineKind;
  payload: Record<string, unknown>;
  actorId: string | null;
  occurredAt: Date;
}

export interface TimelineEventRow {
  id: string;
  /** The case the event belongs to; null for an event of the debtor outside any case. */
  caseId: string | null;
  kind: TimelineKind;
  payload: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  occurredAt: Date;
}

/** Appends an event; the table takes no update or delete from the application role. */
export const appendTimelineEvent = async (tx: TenantTx, event: NewTimelineEvent): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into timeline_events (org_id, debtor_id, case_id, kind, payload, actor_id, occurred_at)
    values (${event.orgId}, ${event.debtorId}, ${event.caseId}, ${event.kind}, ${tx.json(event.payload as never)}, ${event.actorId},
            ${event.occurredAt})
    returning id::text as id`;
  return row!.id;
};

/**
 * A page of events, newest first, strictly older than `before` (an event id) when given: a case's, or a debtor's over
 * all his cases.
 */
export const listTimelineEvents = (
  tx: TenantTx,
  q: ({ caseId: string } | { debtorId: string }) & { before: string | null; limit: number },
): Promise<TimelineEventRow[]> =>
  tx<TimelineEventRow[]>`
    select e.id::text as id, e.case_id as "caseId", e.kind, e.payload, e.actor_id as "actorId", u.display_name as "actorName",
           e.occurred_at as "occurredAt"
    from timeline_events e left join users u on u.id = e.actor_id
    where ${"caseId" in q ? tx`e.case_id = ${q.caseId}` : tx`e.debtor_id = ${q.debtorId}`}
      and (${q.before}::bigint is null or e.id < ${q.before}::bigint)
    order by e.id desc limit ${q.limit}`;
