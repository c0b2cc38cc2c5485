import {
  deleteSession,
  deleteSessions,
  deleteUserSession,
  deleteUserSessions,
  findEndedSessionIds,
  findSessionContext,
  insertSession,
  listUserSessions,
  touchSession,
} from "@relance/db";
import { AppError, type Country, type Locale, type Role } from "@relance/domain";
import { emitEvent, type ServiceDeps } from "../deps.ts";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "./session-tokens.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session with less than this left is extended to a full lifetime. */
export const SESSION_RENEW_THRESHOLD_MS = 15 * DAY_MS;
/** last_seen_at is written at most this often, to keep reads from turning into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionContext {
  session: { id: string; expiresAt: Date };
  user: { id: string; email: string; displayName: string; locale: Locale };
  org: { id: string; slug: string; name: string; country: Country };
  role: Role;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export const createSession = async (
  { db, clock }: ServiceDeps,
  input: { userId: string; orgId: string; userAgent: string | null; ip: string | null },
): Promise<NewSession> => {
  const token = generateSecretToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertSession(db.sql, {
    id: hashSecretToken(token),
    userId: input.userId,
    orgId: input.orgId,
    expiresAt,
    now,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    ip: input.ip,
  });
  return { token, expiresAt };
};

/**
 * Resolves a token to its session, or null when it is unknown, expired, idle for longer than the tenant allows, or
 * its user is no longer a member. Dead sessions are deleted on the way; live ones are extended when half-spent.
 */
export const validateSessionToken = async (deps: ServiceDeps, token: string): Promise<SessionContext | null> => {
  const { db, clock } = deps;
  if (!isWellFormedToken(token)) return null;
  const id = hashSecretToken(token);
  const row = await findSessionContext(db.sql, id);
  if (!row) return null;
  const now = clock.now().getTime();
  const idleLimitMs = row.idleTimeoutMinutes * 60 * 1000;
  if (row.role === null || now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() > idleLimitMs) {
    await deleteSession(db.sql, id);
    // its live connections, opened while it stood, close too
    announceEnded(deps, [id]);
    return null;
  }
  let expiresAt = row.expiresAt;
  const renew = expiresAt.getTime() - now < SESSION_RENEW_THRESHOLD_MS;
  if (renew) expiresAt = new Date(now + SESSION_LIFETIME_MS);
  if (renew || now - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db.sql, id, new Date(now), expiresAt);
  }
  return {
    session: { id, expiresAt },
    user: { id: row.userId, email: row.email, displayName: row.displayName, locale: row.locale },
    org: { id: row.orgId, slug: row.orgSlug, name: row.orgName, country: row.orgCountry },
    role: row.role,
  };
};

export const invalidateSession = async (deps: ServiceDeps, sessionId: string): Promise<void> => {
  await deleteSession(deps.db.sql, sessionId);
  announceEnded(deps, [sessionId]);
};

/** Tells the live side which sessions ended, so that their sockets close at once. */
export const announceEnded = (deps: ServiceDeps, sessionIds: string[]): void => {
  if (sessionIds.length > 0) emitEvent(deps, { type: "sessions.ended", sessionIds });
};

/**
 * Of the sessions that live connections hold, ends those that no longer stand (past their expiry, deleted, the user
 * no longer a member) and announces them, so that every node closes their sockets and notes connections: a session
 * that simply runs out raises no other event. Answers the ended ids.
 */
export const endLapsedSessions = async (deps: ServiceDeps, sessionIds: readonly string[]): Promise<string[]> => {
  const ended = await findEndedSessionIds(deps.db.sql, [...new Set(sessionIds)], deps.clock.now());
  if (ended.length === 0) return [];
  await deleteSessions(deps.db.sql, ended);
  announceEnded(deps, ended);
  return ended;
};

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export const listSessions = async ({ db }: ServiceDeps, userId: string, currentId: string): Promise<SessionSummary[]> =>
  (await listUserSessions(db.sql, userId)).map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === currentId,
  }));

/** Ends one of the caller's own sessions; someone else's id is answered as not found. */
export const endSession = async (deps: ServiceDeps, userId: string, sessionId: string): Promise<void> => {
  if (!(await deleteUserSession(deps.db.sql, userId, sessionId))) {
    throw new AppError("NOT_FOUND", "Session not found", { key: "errors.notFound" });
  }
  announceEnded(deps, [sessionId]);
};

export const endOtherSessions = async (deps: ServiceDeps, userId: string, currentId: string): Promise<number> => {
  const ended = await deleteUserSessions(deps.db.sql, userId, currentId);
  announceEnded(deps, ended);
  return ended.length;
};
