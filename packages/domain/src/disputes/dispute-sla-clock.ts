import { waitingPartyOf, WAITING_PARTIES, type DisputeStatus, type WaitingParty } from "./dispute-status.ts";

/** One stretch of a dispute in one status; `to` is null for the status it is in now. */
export interface DisputeStatusInterval {
  status: DisputeStatus;
  from: Date;
  to: Date | null;
}

export type WaitingTimes = Record<WaitingParty, number>;

export const zeroWaitingTimes = (): WaitingTimes => ({ sales: 0, billing: 0, customer: 0 });

/**
 * Milliseconds spent waiting on each party: every waiting interval counts from its start to its end, the open one up
 * to `now`. With a `window`, only the part of each interval inside [window.from, window.to) counts, so a report over
 * a period adds up exactly across periods. Intervals ending before they start (a clock set back) count nothing.
 */
export const waitingTimeByParty = (
  intervals: readonly DisputeStatusInterval[],
  now: Date,
  window?: { from: Date; to: Date },
): WaitingTimes => {
  const totals = zeroWaitingTimes();
  for (const interval of intervals) {
    const party = waitingPartyOf(interval.status);
    if (party === null) continue;
    let start = interval.from.getTime();
    let end = (interval.to ?? now).getTime();
    if (window) {
      start = Math.max(start, window.from.getTime());
      end = Math.min(end, window.to.getTime());
    }
    if (end > start) totals[party] += end - start;
  }
  return totals;
};

export const addWaitingTimes = (a: WaitingTimes, b: WaitingTimes): WaitingTimes =>
  Object.fromEntries(WAITING_PARTIES.map((p) => [p, a[p] + b[p]])) as WaitingTimes;

/** The party the dispute waits on now and since when (for a clock that ticks on screen), or null. */
export const currentWait = (intervals: readonly DisputeStatusInterval[]): { party: WaitingParty; since: Date } | null => {
  const open = intervals.find((i) => i.to === null);
  if (!open) return null;
  const party = waitingPartyOf(open.status);
  return party === null ? null : { party, since: open.from };
};
