import { addMembershipIfAbsent, insertUser, type Database } from "@relance/db";
import { AppError } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, accountKey, IP_POLICY, ipKey } from "../auth/login-throttle.ts";
import { hashPassword } from "../auth/password-hashing.ts";
import { validateSessionToken } from "../auth/sessions.ts";
import { signIn } from "../auth/sign-in.ts";
import type { ServiceDeps } from "../deps.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase, TEST_PASSWORD, uniqueSlug } from "../testing/index.ts";

const WRONG_PASSWORD = "definitely not it";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

/** Every test signs in from its own addresses: throttle rows outlive a run when the database is PostgreSQL. */
const newIp = () => uniqueSlug("ip");

const setup = async () => {
  const { deps, clock } = buildDeps(db);
  const org = await buildOrg(deps);
  const member = await buildMember(deps, org, "credit_manager");
  return { deps, clock, org, member, ip: newIp() };
};

const attempt = (deps: ServiceDeps, email: string, password: string, ip: string) => signIn(deps, { email, password, ip, userAgent: "vitest" });

/** The AppError a sign-in fails with, reduced to what a client sees. */
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, message, details } = error as AppError;
  return { code, message, details };
};

const INVALID = { code: "UNAUTHORIZED", message: "Wrong e-mail or password.", details: { key: "auth.invalidCredentials" } };

const throttleRow = async (key: string) => {
  const [row] = await db.sql<{ failures: number; lockedUntil: Date | null }[]>`
    select failures, locked_until as "lockedUntil" from login_throttle where key = ${key}`;
  return row;
};

describe("sign-in answers", () => {
  it("gives the same error for a wrong password and an unknown e-mail", async () => {
    const { deps, member, ip } = await setup();
    const wrongPassword = await failure(attempt(deps, member.email, WRONG_PASSWORD, ip));
    const unknownEmail = await failure(attempt(deps, `${uniqueSlug("nobody")}@test.example`, WRONG_PASSWORD, ip));
    expect(wrongPassword).toEqual(INVALID);
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("treats the e-mail case-insensitively and trims it", async () => {
    const { deps, member, ip } = await setup();
    const session = await attempt(deps, `  ${member.email.toUpperCase()} `, TEST_PASSWORD, ip);
    expect((await validateSessionToken(deps, session.token))?.user.id).toBe(member.userId);
  });

  it("refuses an account that belongs to no organization with the same error", async () => {
    const { deps, ip } = await setup();
    const email = `${uniqueSlug("orphan")}@test.example`;
    await insertUser(db.sql, { email, displayName: "Orphan", passwordHash: await hashPassword(TEST_PASSWORD), locale: "fr" });
    expect(await failure(attempt(deps, email, TEST_PASSWORD, ip))).toEqual(INVALID);
  });

  it("enters the requested organization, or the oldest membership", async () => {
    const { deps, org, member, ip } = await setup();
    const second = await buildOrg(deps);
    await addMembershipIfAbsent(db.sql, { orgId: second.id, userId: member.userId, role: "manager" });
    expect((await attempt(deps, member.email, TEST_PASSWORD, ip)).orgSlug).toBe(org.slug);
    const chosen = await signIn(deps, { email: member.email, password: TEST_PASSWORD, orgSlug: second.slug, ip, userAgent: null });
    expect(chosen.orgSlug).toBe(second.slug);
    expect((await validateSessionToken(deps, chosen.token))?.role).toBe("manager");
  });
});

/**
 * The policy (pinned by login-throttle.test.ts): ACCOUNT_POLICY.freeFailures failures are free, the next failure
 * starts a 30 s lock-out, and from then on every attempt is refused until the lock has passed.
 */
describe("per-account throttle", () => {
  const { freeFailures } = ACCOUNT_POLICY;

  /** The free failures plus the one that starts the lock, each from a different address. */
  const failUntilLocked = async (deps: ServiceDeps, email: string) => {
    for (let i = 1; i <= freeFailures + 1; i++) {
      expect(await failure(attempt(deps, email, WRONG_PASSWORD, newIp())), `failure ${i}`).toEqual(INVALID);
    }
  };

  it("allows 5 failures without any lock", async () => {
    const { deps, member } = await setup();
    expect(freeFailures).toBe(5);
    for (let i = 1; i <= freeFailures; i++) await failure(attempt(deps, member.email, WRONG_PASSWORD, newIp()));
    expect(await throttleRow(accountKey(member.email))).toMatchObject({ failures: 5, lockedUntil: null });
    // the next attempt is still judged on its password: a wrong one starts the lock
    expect(await failure(attempt(deps, member.email, WRONG_PASSWORD, newIp()))).toEqual(INVALID);
    expect((await throttleRow(accountKey(member.email)))?.lockedUntil).not.toBeNull();
  });

  it("then answers TOO_MANY_REQUESTS with the wait, even to the right password and whatever the case", async () => {
    const { deps, member } = await setup();
    await failUntilLocked(deps, member.email);
    for (const [email, password] of [
      [member.email, WRONG_PASSWORD],
      [member.email, TEST_PASSWORD],
      [member.email.toUpperCase(), TEST_PASSWORD],
    ] as const) {
      const locked = await failure(attempt(deps, email, password, newIp()));
      expect(locked.code).toBe("TOO_MANY_REQUESTS");
      expect(locked.details.key).toBe("auth.throttled");
      const seconds = locked.details.retryAfterSeconds!;
      expect(seconds).toBeGreaterThan(0);
      expect(locked.message).toBe(`Too many sign-in attempts. Try again in ${seconds} s.`);
    }
    // refused attempts are not counted as failures: the lock does not grow while it holds
    expect((await throttleRow(accountKey(member.email)))?.failures).toBe(freeFailures + 1);
  });

  it("counts down the wait as time passes, then lets the right password in and clears the count", async () => {
    const { deps, clock, member } = await setup();
    await failUntilLocked(deps, member.email);
    const first = (await failure(attempt(deps, member.email, TEST_PASSWORD, newIp()))).details.retryAfterSeconds!;
    expect(first).toBe(30);
    clock.advance(10_000);
    const later = await failure(attempt(deps, member.email, TEST_PASSWORD, newIp()));
    expect(later.details.retryAfterSeconds).toBe(first - 10);
    expect(later.message).toBe(`Too many sign-in attempts. Try again in ${first - 10} s.`);

    clock.advance((first - 10) * 1000 + 1);
    const session = await attempt(deps, member.email, TEST_PASSWORD, newIp());
    expect((await validateSessionToken(deps, session.token))?.user.id).toBe(member.userId);
    expect(await throttleRow(accountKey(member.email))).toBeUndefined();
    // a fresh count: one more failure is an ordinary wrong password again
    expect(await failure(attempt(deps, member.email, WRONG_PASSWORD, newIp()))).toEqual(INVALID);
    expect(await throttleRow(accountKey(member.email))).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("locks one account without touching another", async () => {
    const { deps, org, member } = await setup();
    const colleague = await buildMember(deps, org, "billing");
    await failUntilLocked(deps, member.email);
    expect((await failure(attempt(deps, member.email, TEST_PASSWORD, newIp()))).code).toBe("TOO_MANY_REQUESTS");
    expect((await attempt(deps, colleague.email, TEST_PASSWORD, newIp())).token).toMatch(/^[a-z2-7]{32}$/);
  });
});

describe("per-IP throttle", () => {
  it("locks an address after its 30 free failures over different e-mails, for every account, while others still sign in", async () => {
    const { deps, member, ip } = await setup();
    expect(IP_POLICY.freeFailures).toBe(30);
    for (let i = 1; i <= IP_POLICY.freeFailures + 1; i++) {
      const email = `${uniqueSlug("spray")}@test.example`;
      expect(await failure(attempt(deps, email, WRONG_PASSWORD, ip)), `failure ${i}`).toEqual(INVALID);
      if (i === IP_POLICY.freeFailures) expect(await throttleRow(ipKey(ip))).toMatchObject({ failures: 30, lockedUntil: null });
    }
    const locked = await failure(attempt(deps, member.email, TEST_PASSWORD, ip));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.message).toBe(`Too many sign-in attempts. Try again in ${locked.details.retryAfterSeconds} s.`);
    // the account itself never failed: from another address it signs in
    const session = await attempt(deps, member.email, TEST_PASSWORD, newIp());
    expect((await validateSessionToken(deps, session.token))?.user.id).toBe(member.userId);
    // and the address stays locked: a successful sign-in elsewhere does not clear it
    expect((await failure(attempt(deps, member.email, TEST_PASSWORD, ip))).code).toBe("TOO_MANY_REQUESTS");
  });
});
