import type { Queryable } from "../database.ts";

/** Tonight's KPI rebuild for every organization (or one): 03:00 in its own time zone, once per local date. */
export const enqueueNightlyKpiRebuildJobs = async (sql: Queryable, now: Date, orgId: string | null = null): Promise<number> => {
  const result = await sql`
    insert into jobs (org_id, kind, run_at, dedupe_key, payload)
    select o.id, 'kpi.rebuild', ((local_day + time '03:00') at time zone o.time_zone),
           'kpi.rebuild:' || o.id || ':' || to_char(local_day, 'YYYY-MM-DD'),
           jsonb_build_object('date', to_char(local_day, 'YYYY-MM-DD'))
    from organizations o cross join lateral (select (${now}::timestamptz at time zone o.time_zone)::date as local_day) d
    where ${orgId}::uuid is null or o.id = ${orgId}::uuid
    on conflict (dedupe_key) do nothing`;
  return result.count;
};

/** Keeps what a job found (a drift report) on its row, for `relance` and the logs. */
export const recordJobReport = async (sql: Queryable, jobId: number, report: unknown): Promise<void> => {
  await sql`update jobs set payload = payload || jsonb_build_object('report', ${sql.json(report as never)}::jsonb) where id = ${jobId}`;
};
