import type { Country, Locale, Role } from "@relance/domain";
import type { Queryable } from "../database.ts";

export interface SessionRow {
  id: string;
  userId: string;
  orgId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/** Everything a request needs to know about who is calling, read in one round trip. */
export interface SessionContextRow extends SessionRow {
  email: string;
  displayName: string;
  locale: Locale;
  role: Role | null;
  orgSlug: string;
  orgName: string;
  orgCountry: Country;
  idleTimeoutMinutes: number;
}

const sessionColumns = (sql: Queryable) => sql`
  s.id, s.user_id as "userId", s.org_id as "orgId", s.created_at as "createdAt", s.expires_at as "expiresAt",
  s.last_seen_at as "lastSeenAt", s.user_agent as "userAgent", s.ip`;

export const insertSession = async (
  sql: Queryable,
  s: { id: string; userId: string; orgId: string; expiresAt: Date; now: Date; userAgent: string | null; ip: string | null },
): Promise<void> => {
  await sql`
    insert into sessions (id, user_id, org_id, created_at, expires_at, last_seen_at, user_agent, ip)
    values (${s.id}, ${s.userId}, ${s.orgId}, ${s.now}, ${s.expiresAt}, ${s.now}, ${s.userAgent}, ${s.ip})`;
};

export const findSessionContext = async (sql: Queryable, id: string): Promise<SessionContextRow | undefined> => {
  const [row] = await sql<SessionContextRow[]>`
    select ${sessionColumns(sql)}, u.email, u.display_name as "displayName", u.locale, m.role,
           o.slug as "orgSlug", o.name as "orgName", o.country as "orgCountry",
           o.session_idle_timeout_minutes as "idleTimeoutMinutes"
    from sessions s
    join users u on u.id = s.user_id
    join organizations o on o.id = s.org_id
    left join memberships m on m.org_id = s.org_id and m.user_id = s.user_id
    where s.id = ${id}`;
  return row;
};

export const touchSession = async (sql: Queryable, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> => {
  await sql`update sessions set last_seen_at = ${lastSeenAt}, expires_at = ${expiresAt} where id = ${id}`;
};

export const deleteSession = async (sql: Queryable, id: string): Promise<void> => {
  await sql`delete from sessions where id = ${id}`;
};

export const deleteUserSession = async (sql: Queryable, userId: string, id: string): Promise<boolean> => {
  const rows = await sql`delete from sessions where id = ${id} and user_id = ${userId} returning id`;
  return rows.length === 1;
};

/** Ends every session of a user, optionally keeping one (the caller's, after a password change). */
export const deleteUserSessions = async (sql: Queryable, userId: string, exceptId: string | null = null): Promise<string[]> => {
  const rows = await sql<{ id: string }[]>`
    delete from sessions where user_id = ${userId} and (${exceptId}::text is null or id <> ${exceptId}) returning id`;
  return rows.map((r) => r.id);
};

export const listUserSessions = async (sql: Queryable, userId: string): Promise<SessionRow[]> =>
  sql<SessionRow[]>`select ${sessionColumns(sql)} from sessions s where s.user_id = ${userId} order by s.last_seen_at desc`;

export const deleteUserSessionsInOrg = async (sql: Queryable, userId: string, orgId: string): Promise<string[]> => {
  const rows = await sql<{ id: string }[]>`delete from sessions where user_id = ${userId} and org_id = ${orgId} returning id`;
  return rows.map((r) => r.id);
};

/** Of `ids`, those that no longer stand at `now`: deleted, past their expiry, or whose user left the organization. */
export const findEndedSessionIds = async (sql: Queryable, ids: readonly string[], now: Date): Promise<string[]> => {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }[]>`
    select x.id from unnest(${sql.array([...ids])}::text[]) as x(id)
    left join sessions s on s.id = x.id
    where s.id is null or s.expires_at <= ${now}
       or not exists (select 1 from memberships m where m.org_id = s.org_id and m.user_id = s.user_id)`;
  return rows.map((r) => r.id);
};

export const deleteSessions = async (sql: Queryable, ids: readonly string[]): Promise<void> => {
  await sql`delete from sessions where id = any(${sql.array([...ids])}::text[])`;
};
