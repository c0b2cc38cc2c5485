import { addMembershipIfAbsent, updateSessionIdleTimeout, withTenant, type Database, type OrganizationRow } from "@relance/db";
import { AppError } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../deps.ts";
import { changePassword } from "../account/change-password.ts";
import { hashSecretToken } from "../auth/session-tokens.ts";
import { endLapsedSessions, endSession, invalidateSession, listSessions, validateSessionToken } from "../auth/sessions.ts";
import { signIn } from "../auth/sign-in.ts";
import { removeMember } from "../members/manage-members.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase, signInMember, TEST_PASSWORD, uniqueSlug, type TestMember } from "../testing/index.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NEW_PASSWORD = "a brand new passphrase";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

/** A fresh clock, organization and member for each test. */
const setup = async (role: TestMember["role"] = "credit_manager") => {
  const { deps, clock } = buildDeps(db);
  const org = await buildOrg(deps);
  const member = await buildMember(deps, org, role);
  return { deps, clock, org, member };
};
type Setup = Awaited<ReturnType<typeof setup>>;

const signInAs = (deps: Setup["deps"], email: string, password = TEST_PASSWORD) =>
  signIn(deps, { email, password, ip: uniqueSlug("ip"), userAgent: "vitest" });

const sessionRow = async (token: string) => {
  const [row] = await db.sql<{ id: string; expiresAt: Date; lastSeenAt: Date }[]>`
    select id, expires_at as "expiresAt", last_seen_at as "lastSeenAt" from sessions where id = ${hashSecretToken(token)}`;
  return row;
};

const setIdleTimeout = (org: OrganizationRow, minutes: number) => withTenant(db.sql, org.id, (tx) => updateSessionIdleTimeout(tx, minutes));

const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("session tokens", () => {
  it("returns a 32-character base32 token and stores only its SHA-256", async () => {
    const { deps, member } = await setup();
    const { token } = await signInAs(deps, member.email);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const hash = hashSecretToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.sql`select 1 from sessions where id = ${token}`).toHaveLength(0);
    const rows = await db.sql<{ userId: string; orgId: string }[]>`
      select user_id as "userId", org_id as "orgId" from sessions where id = ${hash}`;
    expect(rows).toEqual([{ userId: member.userId, orgId: member.orgId }]);
  });

  it("issues a new token at every sign-in, each valid on its own", async () => {
    const { deps, member } = await setup();
    const first = await signInAs(deps, member.email);
    const second = await signInAs(deps, member.email);
    expect(first.token).not.toBe(second.token);
    for (const { token } of [first, second]) {
      expect((await validateSessionToken(deps, token))?.user.id).toBe(member.userId);
    }
  });

  it("refuses malformed and unknown tokens", async () => {
    const { deps } = await setup();
    expect(await validateSessionToken(deps, "not a token")).toBeNull();
    expect(await validateSessionToken(deps, "a".repeat(32))).toBeNull();
  });
});

describe("session lifetime", () => {
  it("expires 30 days after sign-in when not renewed, and deletes the row", async () => {
    const { deps, clock, org, member } = await setup();
    await setIdleTimeout(org, 30 * 24 * 60);
    const token = await signInMember(deps, member);
    const createdAt = clock.now().getTime();
    clock.advance(14 * DAY); // 16 days left: used, but not renewed
    const midway = await validateSessionToken(deps, token);
    expect(midway?.session.expiresAt.getTime()).toBe(createdAt + 30 * DAY);
    clock.set(new Date(createdAt + 30 * DAY));
    expect(await validateSessionToken(deps, token)).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  it("is renewed to a full 30 days when fewer than 15 remain, and the renewal is stored", async () => {
    const { deps, clock, org, member } = await setup();
    await setIdleTimeout(org, 30 * 24 * 60);
    const token = await signInMember(deps, member);
    clock.advance(16 * DAY);
    const renewedUntil = clock.now().getTime() + 30 * DAY;
    const context = await validateSessionToken(deps, token);
    expect(context?.session.expiresAt.getTime()).toBe(renewedUntil);
    const row = await sessionRow(token);
    expect(row?.expiresAt.getTime()).toBe(renewedUntil);
    expect(row?.lastSeenAt.getTime()).toBe(clock.now().getTime());
    clock.advance(20 * DAY); // past the original 30 days, still inside the renewed lifetime
    expect(await validateSessionToken(deps, token)).not.toBeNull();
  });

  it("ends after 12 hours idle by default", async () => {
    const { deps, clock, org, member } = await setup();
    expect(org.sessionIdleTimeoutMinutes).toBe(720);
    const token = await signInMember(deps, member);
    clock.advance(11 * HOUR);
    expect(await validateSessionToken(deps, token)).not.toBeNull(); // activity resets the idle clock
    clock.advance(12 * HOUR);
    expect(await validateSessionToken(deps, token)).not.toBeNull();
    clock.advance(12 * HOUR + MINUTE);
    expect(await validateSessionToken(deps, token)).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  it("honours the tenant's idle timeout of 60 minutes", async () => {
    const { deps, clock, org, member } = await setup();
    await setIdleTimeout(org, 60);
    const token = await signInMember(deps, member);
    clock.advance(59 * MINUTE);
    expect(await validateSessionToken(deps, token)).not.toBeNull();
    clock.advance(60 * MINUTE + MINUTE);
    expect(await validateSessionToken(deps, token)).toBeNull();
  });
});

describe("ending sessions", () => {
  it("signs out with invalidateSession", async () => {
    const { deps, member } = await setup();
    const token = await signInMember(deps, member);
    const other = await signInMember(deps, member);
    const context = await validateSessionToken(deps, token);
    await invalidateSession(deps, context!.session.id);
    expect(await validateSessionToken(deps, token)).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
    expect(await validateSessionToken(deps, other)).not.toBeNull();
  });

  it("changePassword ends every session of the account and returns a new working one", async () => {
    const { deps, member } = await setup();
    const laptop = (await signInAs(deps, member.email)).token;
    const phone = (await signInAs(deps, member.email)).token;
    const fresh = await changePassword(deps, member, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userAgent: "vitest", ip: null });
    expect(await validateSessionToken(deps, laptop)).toBeNull();
    expect(await validateSessionToken(deps, phone)).toBeNull();
    expect(fresh.token).not.toBe(laptop);
    expect((await validateSessionToken(deps, fresh.token))?.user.id).toBe(member.userId);
    const [count] = await db.sql<{ n: number }[]>`select count(*)::int as n from sessions where user_id = ${member.userId}`;
    expect(count?.n).toBe(1);
    expect((await caught(signInAs(deps, member.email))).code).toBe("UNAUTHORIZED");
    expect((await signInAs(deps, member.email, NEW_PASSWORD)).token).toMatch(/^[a-z2-7]{32}$/);
  });

  it("changePassword refuses a wrong current password (field currentPassword) or a weak new one, changing nothing", async () => {
    const { deps, member } = await setup();
    const token = await signInMember(deps, member);
    const error = await caught(changePassword(deps, member, { currentPassword: "wrong password!", newPassword: NEW_PASSWORD, userAgent: null, ip: null }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details.fields?.map((f) => f.path)).toEqual(["currentPassword"]);
    expect(await validateSessionToken(deps, token)).not.toBeNull();
    const weak = await caught(changePassword(deps, member, { currentPassword: TEST_PASSWORD, newPassword: "short", userAgent: null, ip: null }));
    expect(weak.code).toBe("BAD_REQUEST");
    expect(weak.details.fields?.map((f) => f.path)).toEqual(["newPassword"]);
    expect(await validateSessionToken(deps, token)).not.toBeNull();
    expect((await signInAs(deps, member.email)).token).toMatch(/^[a-z2-7]{32}$/);
  });

  it("lists the account's sessions and marks the current one", async () => {
    const { deps, member } = await setup();
    const current = await signInMember(deps, member);
    const other = await signInMember(deps, member);
    const sessions = await listSessions(deps, member.userId, hashSecretToken(current));
    expect(sessions.map((s) => s.id).sort()).toEqual([hashSecretToken(current), hashSecretToken(other)].sort());
    expect(sessions.filter((s) => s.current).map((s) => s.id)).toEqual([hashSecretToken(current)]);
    expect(sessions.every((s) => s.userAgent === "vitest")).toBe(true);
  });

  it("endSession ends one's own session but answers NOT_FOUND for another user's", async () => {
    const { deps, org, member } = await setup();
    const colleague = await buildMember(deps, org, "billing");
    const mine = await signInMember(deps, member);
    const theirs = await signInMember(deps, colleague);
    const error = await caught(endSession(deps, member.userId, hashSecretToken(theirs)));
    expect(error.code).toBe("NOT_FOUND");
    expect(await validateSessionToken(deps, theirs)).not.toBeNull();
    await endSession(deps, member.userId, hashSecretToken(mine));
    expect(await validateSessionToken(deps, mine)).toBeNull();
  });

  it("removing a member ends their sessions in that organization only", async () => {
    const { deps, org, member: admin } = await setup("admin");
    const leaver = await buildMember(deps, org, "sales");
    const otherOrg = await buildOrg(deps);
    await addMembershipIfAbsent(db.sql, { orgId: otherOrg.id, userId: leaver.userId, role: "sales" });
    const here = await signInMember(deps, leaver);
    const elsewhere = await signInMember(deps, { ...leaver, orgId: otherOrg.id });
    await removeMember(deps, admin, leaver.userId);
    expect(await validateSessionToken(deps, here)).toBeNull();
    expect(await sessionRow(here)).toBeUndefined();
    expect((await validateSessionToken(deps, elsewhere))?.org.id).toBe(otherOrg.id);
  });
});

describe("sessions held by live connections", () => {
  /** deps whose announced events are kept, as the live side would receive them */
  const listening = (deps: Setup["deps"]) => {
    const events: DomainEvent[] = [];
    return { deps: { ...deps, events: { emit: (event: DomainEvent) => void events.push(event) } }, events };
  };

  it("ends those that ran out, were deleted or lost their member, announces them, and leaves the others alone", async () => {
    const { deps: base, clock, org, member } = await setup();
    const { deps, events } = listening(base);
    await setIdleTimeout(org, 30 * 24 * 60);
    const standing = await signInMember(deps, member);
    const ranOut = await signInMember(deps, member);
    const deleted = await signInMember(deps, member);
    const leaver = await buildMember(deps, org, "sales");
    const left = await signInMember(deps, leaver);
    await db.sql`update sessions set expires_at = ${new Date(clock.now().getTime() - 1000)} where id = ${hashSecretToken(ranOut)}`;
    await db.sql`delete from sessions where id = ${hashSecretToken(deleted)}`;
    await db.sql`delete from memberships where org_id = ${org.id} and user_id = ${leaver.userId}`;

    const held = [standing, ranOut, deleted, left, standing].map(hashSecretToken);
    const ended = await endLapsedSessions(deps, held);
    expect(new Set(ended)).toEqual(new Set([ranOut, deleted, left].map(hashSecretToken)));
    expect(events).toEqual([{ type: "sessions.ended", sessionIds: ended }]);
    expect(await sessionRow(ranOut)).toBeUndefined();
    expect(await sessionRow(left)).toBeUndefined();
    expect(await sessionRow(standing)).toBeDefined();
    // a second look finds nothing more to end, and says nothing
    expect(await endLapsedSessions(deps, [hashSecretToken(standing)])).toEqual([]);
    expect(await endLapsedSessions(deps, [])).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it("announces a session that a request finds dead, so that its open connections close too", async () => {
    const { deps: base, clock, org, member } = await setup();
    const { deps, events } = listening(base);
    await setIdleTimeout(org, 60);
    const token = await signInMember(deps, member);
    clock.advance(61 * MINUTE);
    expect(await validateSessionToken(deps, token)).toBeNull();
    expect(events).toEqual([{ type: "sessions.ended", sessionIds: [hashSecretToken(token)] }]);
  });
});

describe("password storage", () => {
  it("hashes passwords with argon2id, m=19456, t=2", async () => {
    const { deps, member } = await setup();
    await changePassword(deps, member, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userAgent: null, ip: null });
    const [user] = await db.sql<{ hash: string }[]>`select password_hash as hash from users where id = ${member.userId}`;
    expect(user?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(user?.hash).not.toContain(NEW_PASSWORD);
  });
});
