import { clearThrottle, findThrottles, saveThrottle, type ThrottleRow } from "@relance/db";
import { AppError } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";

export interface ThrottlePolicy {
  /** Failures allowed within the window before a lock-out starts. */
  freeFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, windowMs: 15 * 60_000, baseLockMs: 30_000, maxLockMs: 15 * 60_000 };
export const IP_POLICY: ThrottlePolicy = { freeFailures: 30, windowMs: 15 * 60_000, baseLockMs: 30_000, maxLockMs: 15 * 60_000 };

export const accountKey = (email: string): string => `account:${email}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

/** Pure: the next state after one more failure. Each failure past the free ones doubles the lock, up to the cap. */
export const nextThrottleState = (previous: ThrottleRow | undefined, key: string, policy: ThrottlePolicy, now: Date): ThrottleRow => {
  const inWindow = previous && now.getTime() - previous.windowStartedAt.getTime() < policy.windowMs;
  const failures = inWindow ? previous.failures + 1 : 1;
  const windowStartedAt = inWindow ? previous.windowStartedAt : now;
  const over = failures - policy.freeFailures;
  const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (over - 1))) : null;
  return { key, failures, windowStartedAt, lockedUntil };
};

/** Throws TOO_MANY_REQUESTS with the wait in seconds when any key is locked. */
export const assertNotThrottled = async ({ db, clock }: ServiceDeps, keys: string[]): Promise<void> => {
  const now = clock.now().getTime();
  const rows = await findThrottles(db.sql, keys);
  const waitMs = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - now : 0)));
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("TOO_MANY_REQUESTS", `Too many sign-in attempts. Try again in ${seconds} s.`, {
      key: "auth.throttled",
      retryAfterSeconds: seconds,
    });
  }
};

export const recordFailures = async (
  { db, clock }: ServiceDeps,
  entries: { key: string; policy: ThrottlePolicy }[],
): Promise<void> => {
  const now = clock.now();
  await db.sql.begin(async (tx) => {
    const keys = entries.map((e) => e.key);
    // lock the rows so two concurrent failures both count
    await tx`select key from login_throttle where key = any(${keys}) for update`;
    const rows = await findThrottles(tx, keys);
    for (const { key, policy } of entries) {
      await saveThrottle(tx, nextThrottleState(rows.find((r) => r.key === key), key, policy, now));
    }
  });
};

export const clearFailures = async ({ db }: ServiceDeps, key: string): Promise<void> => clearThrottle(db.sql, key);
