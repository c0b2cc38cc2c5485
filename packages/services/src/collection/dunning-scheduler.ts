import { addDays } from "@relance/domain";
import {
  claimDueJob, enqueueDailyDunningJobs, enqueueJob, findOrganizationTimeZone, instantOfLocalTime, markJobDone, markJobFailed, type JobRow,
} from "@relance/db";
import { calendarDate, type ServiceDeps } from "../deps.ts";
import { enqueueNightlyKpiRebuilds, KPI_REBUILD_JOB, runKpiRebuildJob } from "../kpi/kpi-nightly.ts";
import { planDunning } from "./plan-dunning.ts";
import { raiseAlerts } from "./alerts/raise-alerts.ts";
import { sendThankYouMessages } from "./send-thank-you.ts";
import { sendAlertDigests } from "./alerts/alert-digest.ts";
import { escalateDisputes } from "../disputes/escalate-disputes.ts";
import { sendDueActions, type SendOptions } from "./send-due-actions.ts";

export const DUNNING_DAILY_JOB = "dunning.daily";
const LEASE_MS = 15 * 60_000;
const MAX_ATTEMPTS = 5;
/** The daily run starts at this local time, after the night's imports. */
const DAILY_RUN_TIME = "07:00";

export type SchedulerSendOptions = Omit<SendOptions, "now">;

export const dailyJobKey = (orgId: string, date: string): string => `${DUNNING_DAILY_JOB}:${orgId}:${date}`;

/** Today's daily run for every organization; enqueuing twice is harmless (dedupe key per org and date). */
export const ensureDailyJobs = async (deps: ServiceDeps): Promise<number> =>
  (await enqueueDailyDunningJobs(deps.db.sql, deps.clock.now())) + (await enqueueNightlyKpiRebuilds(deps));

/** 1 min, 4 min, 9 min, …: the wait before attempt n + 1. */
const backoffMs = (attempts: number): number => attempts * attempts * 60_000;

const runJob = async (deps: ServiceDeps, job: JobRow, now: Date, send: SchedulerSendOptions): Promise<void> => {
  if (job.kind === KPI_REBUILD_JOB) {
    await runKpiRebuildJob(deps, job);
    return;
  }
  if (job.kind !== DUNNING_DAILY_JOB || job.orgId === null) throw new Error(`unknown job kind ${job.kind}`);
  const timeZone = (await findOrganizationTimeZone(deps.db.sql, job.orgId)) ?? "Europe/Paris";
  const date = typeof job.payload.date === "string" ? job.payload.date : calendarDate(now, timeZone);
  await escalateDisputes(deps, job.orgId, { asOf: date });
  await planDunning(deps, job.orgId, { asOf: date });
  await sendDueActions(deps, job.orgId, { ...send, now });
  await sendThankYouMessages(deps, job.orgId, { now, ...(send.smtpUrl === undefined ? {} : { smtpUrl: send.smtpUrl }) });
  // after planning and sending, so the alerts see today's actions; the digest mails what is new since yesterday
  await raiseAlerts(deps, job.orgId, { asOf: date });
  await sendAlertDigests(deps, job.orgId, send.smtpUrl === undefined ? {} : { smtpUrl: send.smtpUrl });
  const next = addDays(date, 1);
  await enqueueJob(deps.db.sql, {
    orgId: job.orgId, kind: DUNNING_DAILY_JOB, runAt: await instantOfLocalTime(deps.db.sql, next, DAILY_RUN_TIME, timeZone),
    dedupeKey: dailyJobKey(job.orgId, next), payload: { date: next },
  });
};

export interface JobsReport {
  done: number;
  failed: number;
}

/**
 * Runs every due job, one at a time: each is claimed by exactly one worker (FOR UPDATE SKIP LOCKED plus a lease, so a
 * worker that dies releases it), then marked done, or retried later with backoff keeping the error.
 */
export const runDueJobs = async (deps: ServiceDeps, options: { now?: Date; workerId: string; send?: SchedulerSendOptions }): Promise<JobsReport> => {
  const report: JobsReport = { done: 0, failed: 0 };
  for (;;) {
    const now = options.now ?? deps.clock.now();
    const job = await claimDueJob(deps.db.sql, { now, workerId: options.workerId, leaseMs: LEASE_MS });
    if (job === undefined) return report;
    try {
      await runJob(deps, job, now, options.send ?? {});
      await markJobDone(deps.db.sql, job.id, now);
      report.done += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = job.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + backoffMs(job.attempts));
      await markJobFailed(deps.db.sql, job.id, message, retryAt, now);
      report.failed += 1;
    }
  }
};

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Ticks every `intervalMs` (the first after one interval, so start-up is not slowed): enqueues today's runs, then
 * runs what is due. Ticks never overlap; `stop` waits for the tick in progress.
 */
export const startScheduler = (
  deps: ServiceDeps,
  options: { intervalMs: number; workerId?: string; send?: SchedulerSendOptions; onError?: (error: unknown) => void },
): Scheduler => {
  const workerId = options.workerId ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await ensureDailyJobs(deps);
      await runDueJobs(deps, { workerId, ...(options.send ? { send: options.send } : {}) });
    } catch (error) {
      options.onError?.(error);
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    if (stopped || busy) return;
    busy = true;
    running = tick().finally(() => {
      busy = false;
    });
  }, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
