import type { Queryable } from "../database.ts";

export interface ThrottleRow {
  key: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export const findThrottles = async (sql: Queryable, keys: string[]): Promise<ThrottleRow[]> =>
  sql<ThrottleRow[]>`
    select key, failures, window_started_at as "windowStartedAt", locked_until as "lockedUntil"
    from login_throttle where key = any(${keys})`;

export const saveThrottle = async (sql: Queryable, row: ThrottleRow): Promise<void> => {
  await sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${row.key}, ${row.failures}, ${row.windowStartedAt}, ${row.lockedUntil})
    on conflict (key) do update set failures = excluded.failures,
      window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`;
};

export const clearThrottle = async (sql: Queryable, key: string): Promise<void> => {
  await sql`delete from login_throttle where key = ${key}`;
};
