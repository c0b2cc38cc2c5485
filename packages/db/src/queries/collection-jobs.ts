import type { Queryable } from "../database.ts";

/** Durable jobs belong to the scheduler (the owner role), across tenants: these take a system handle, not a TenantTx. */
export interface JobRow {
  id: number;
  orgId: string | null;
  kind: string;
  runAt: Date;
  dedupeKey: string;
  attempts: number;
  payload: Record<string, unknown>;
}

const jobColumns = `id, org_id as "orgId", kind, run_at as "runAt", dedupe_key as "dedupeKey", attempts, payload`;

/** Enqueues a job once per dedupe key; enqueuing the same key again is a no-op. Returns whether it was added. */
export const enqueueJob = async (
  sql: Queryable,
  job: { orgId: string | null; kind: string; runAt: Date; dedupeKey: string; payload: Record<string, unknown> },
): Promise<boolean> => {
  const result = await sql`
    insert into jobs (org_id, kind, run_at, dedupe_key, payload)
    values (${job.orgId}, ${job.kind}, ${job.runAt}, ${job.dedupeKey}, ${sql.json(job.payload as never)})
    on conflict (dedupe_key) do nothing`;
  return result.count === 1;
};

/** Today's daily dunning run for every organization, dated in each organization's own time zone. */
export const enqueueDailyDunningJobs = async (sql: Queryable, now: Date): Promise<number> => {
  const result = await sql`
    insert into jobs (org_id, kind, run_at, dedupe_key, payload)
    select o.id, 'dunning.daily', ${now}::timestamptz,
      'dunning.daily:' || o.id || ':' || to_char((${now}::timestamptz at time zone o.time_zone)::date, 'YYYY-MM-DD'),
      jsonb_build_object('date', to_char((${now}::timestamptz at time zone o.time_zone)::date, 'YYYY-MM-DD'))
    from organizations o
    on conflict (dedupe_key) do nothing`;
  return result.count;
};

/**
 * Claims one due job: pending and due, or running with an expired lease (its worker died). The row lock with
 * SKIP LOCKED makes two workers take different jobs; the lease keeps the claim after this short transaction commits.
 */
export const claimDueJob = async (sql: Queryable, q: { now: Date; workerId: string; leaseMs: number }): Promise<JobRow | undefined> => {
  const [row] = await sql.unsafe<JobRow[]>(
    `update jobs set status = 'running', attempts = attempts + 1, locked_until = $1::timestamptz + make_interval(secs => $3::double precision / 1000),
       payload = payload || jsonb_build_object('worker', $2::text)
     where id = (
       select id from jobs
       where (status = 'pending' and run_at <= $1::timestamptz) or (status = 'running' and locked_until < $1::timestamptz)
       order by run_at, id limit 1
       for update skip locked)
     returning ${jobColumns}`,
    [q.now, q.workerId, q.leaseMs] as never[],
  );
  return row;
};

export const markJobDone = async (sql: Queryable, id: number, now: Date): Promise<void> => {
  await sql`update jobs set status = 'done', finished_at = ${now}, locked_until = null, last_error = null where id = ${id}`;
};

/** A failed attempt: retried at `retryAt`, or failed for good when there is none. */
export const markJobFailed = async (sql: Queryable, id: number, error: string, retryAt: Date | null, now: Date): Promise<void> => {
  await sql`
    update jobs set last_error = ${error}, locked_until = null,
      status = ${retryAt === null ? "failed" : "pending"}, run_at = coalesce(${retryAt}::timestamptz, run_at),
      finished_at = ${retryAt === null ? now : null}
    where id = ${id}`;
};

/** The start of a calendar date in a time zone, plus some hours (the daily run's time), as an instant. */
export const instantOfLocalTime = async (sql: Queryable, date: string, time: string, timeZone: string): Promise<Date> => {
  const [row] = await sql<{ at: Date }[]>`select ((${date}::date + ${time}::time) at time zone ${timeZone}) as at`;
  return row!.at;
};

export const findOrganizationTimeZone = async (sql: Queryable, orgId: string): Promise<string | undefined> => {
  const [row] = await sql<{ timeZone: string }[]>`select time_zone as "timeZone" from organizations where id = ${orgId}`;
  return row?.timeZone;
};

export const listJobs = async (sql: Queryable, kind: string, orgId: string): Promise<(JobRow & { status: string; lastError: string | null })[]> =>
  sql.unsafe(`select ${jobColumns}, status, last_error as "lastError" from jobs where kind = $1 and org_id = $2 order by run_at, id`, [kind, orgId]);
