import type { TenantTx } from "../database.ts";
import type { DisputeIntervalRow } from "./disputes.ts";

/** The waiting intervals that overlap [from, to): what a report of time waiting per party over a period needs. */
export const listWaitingIntervalsOverlapping = (tx: TenantTx, q: { from: Date; to: Date }): Promise<DisputeIntervalRow[]> =>
  tx<DisputeIntervalRow[]>`
    select dispute_id as "disputeId", status, started_at as "startedAt", ended_at as "endedAt"
    from dispute_status_intervals
    where status in ('waiting_sales', 'waiting_billing', 'waiting_customer')
      and started_at < ${q.to} and (ended_at is null or ended_at > ${q.from})
    order by dispute_id, started_at`;
