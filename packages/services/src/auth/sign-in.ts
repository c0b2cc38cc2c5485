import { findMembershipsOfUser, findUserByEmail, type UserMembershipRow } from "@relance/db";
import { AppError } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { ACCOUNT_POLICY, IP_POLICY, accountKey, assertNotThrottled, clearFailures, ipKey, recordFailures } from "./login-throttle.ts";
import { burnPasswordCheck, verifyPassword } from "./password-hashing.ts";
import { createSession, invalidateSession, type NewSession } from "./sessions.ts";

export interface SignInInput {
  email: string;
  password: string;
  /** Which of the user's organizations to enter; the oldest membership otherwise. */
  orgSlug?: string | undefined;
  ip: string;
  userAgent: string | null;
}

/** The one answer for an unknown account, a wrong password and an account without organization. */
const invalidCredentials = () =>
  new AppError("UNAUTHORIZED", "Wrong e-mail or password.", { key: "auth.invalidCredentials" });

export const signIn = async (deps: ServiceDeps, input: SignInInput): Promise<NewSession & { orgSlug: string }> => {
  const email = input.email.trim().toLowerCase();
  const keys = [
    { key: accountKey(email), policy: ACCOUNT_POLICY },
    { key: ipKey(input.ip), policy: IP_POLICY },
  ];
  await assertNotThrottled(deps, keys.map((k) => k.key));

  const user = await findUserByEmail(deps.db.sql, email);
  let memberships: UserMembershipRow[] = [];
  if (user) {
    if (await verifyPassword(user.passwordHash, input.password)) memberships = await findMembershipsOfUser(deps.db.sql, user.id);
  } else {
    await burnPasswordCheck(input.password);
  }
  if (!user || memberships.length === 0) {
    await recordFailures(deps, keys);
    throw invalidCredentials();
  }
  await clearFailures(deps, accountKey(email));
  const membership = memberships.find((m) => m.orgSlug === input.orgSlug) ?? memberships[0]!;
  const session = await createSession(deps, { userId: user.id, orgId: membership.orgId, userAgent: input.userAgent, ip: input.ip });
  return { ...session, orgSlug: membership.orgSlug };
};

/**
 * Moves a signed-in user into another organization they belong to: a new session there, and the current one ends
 * (a session is bound to one tenant). Not a member → not found.
 */
export const switchOrganization = async (
  deps: ServiceDeps,
  current: { sessionId: string; userId: string },
  input: { orgSlug: string; ip: string; userAgent: string | null },
): Promise<NewSession & { orgSlug: string }> => {
  const target = (await findMembershipsOfUser(deps.db.sql, current.userId)).find((m) => m.orgSlug === input.orgSlug);
  if (!target) throw new AppError("NOT_FOUND", "Organization not found", { key: "errors.notFound" });
  const session = await createSession(deps, { userId: current.userId, orgId: target.orgId, userAgent: input.userAgent, ip: input.ip });
  await invalidateSession(deps, current.sessionId);
  return { ...session, orgSlug: target.orgSlug };
};

/** The organizations a user belongs to, for the organization switcher. */
export const listUserOrganizations = (deps: ServiceDeps, userId: string): Promise<UserMembershipRow[]> =>
  findMembershipsOfUser(deps.db.sql, userId);
