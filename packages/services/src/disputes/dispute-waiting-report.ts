import { listWaitingIntervalsOverlapping, withTenant } from "@relance/db";
import { AppError, hasRole, TENANT_WIDE_READERS, WAITING_PARTIES, waitingTimeByParty, type DisputeStatus, type WaitingParty } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { parseInput } from "../cases/case-inputs.ts";
import { waitingReportInput } from "./dispute-inputs.ts";

export interface WaitingReport {
  from: Date;
  to: Date;
  /** Per party: the time disputes waited on it within the period, and how many disputes did. */
  parties: { party: WaitingParty; totalMs: number; disputeCount: number; averageMs: number }[];
}

/**
 * Time disputes spent waiting on each party within [from, to), across the tenant: the part of every waiting interval
 * inside the period (an interval still open counts up to now, or to the period's end). For dashboards; the tenant-wide
 * readers only.
 */
export const reportDisputeWaitingTime = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<WaitingReport> => {
  const v = parseInput(waitingReportInput, input);
  if (!hasRole(actor.role, TENANT_WIDE_READERS)) throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
  const window = { from: new Date(v.from), to: new Date(v.to) };
  const rows = await withTenant(deps.db.sql, actor.orgId, (tx) => listWaitingIntervalsOverlapping(tx, window));
  const now = deps.clock.now();
  const totals = new Map<WaitingParty, { totalMs: number; disputes: Set<string> }>(WAITING_PARTIES.map((p) => [p, { totalMs: 0, disputes: new Set() }]));
  for (const row of rows) {
    const times = waitingTimeByParty([{ status: row.status as DisputeStatus, from: row.startedAt, to: row.endedAt }], now, window);
    for (const party of WAITING_PARTIES) {
      if (times[party] === 0) continue;
      const t = totals.get(party)!;
      t.totalMs += times[party];
      t.disputes.add(row.disputeId);
    }
  }
  return {
    ...window,
    parties: WAITING_PARTIES.map((party) => {
      const t = totals.get(party)!;
      return { party, totalMs: t.totalMs, disputeCount: t.disputes.size, averageMs: t.disputes.size === 0 ? 0 : Math.round(t.totalMs / t.disputes.size) };
    }),
  };
};
