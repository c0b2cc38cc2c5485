import { findMemberRole, withTenant, type Database } from "@relance/db";
import { AppError, type Role } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecretToken } from "../auth/session-tokens.ts";
import { validateSessionToken } from "../auth/sessions.ts";
import { signIn } from "../auth/sign-in.ts";
import {
  acceptInvitation,
  INVITATION_LIFETIME_MS,
  inviteMember,
  listOrgInvitations,
  previewInvitation,
  revokeOrgInvitation,
} from "../members/invitations.ts";
import { changeMemberRole, listOrgMembers, removeMember } from "../members/manage-members.ts";
import { buildDeps, buildMember, buildOrg, openTestDatabase, TEST_PASSWORD, uniqueSlug } from "../testing/index.ts";

const NEW_PASSWORD = "invited person passphrase";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

const setup = async (orgName = "Invitations Org") => {
  const { deps, clock } = buildDeps(db);
  const org = await buildOrg(deps, { name: orgName });
  const admin = await buildMember(deps, org, "admin");
  return { deps, clock, org, admin };
};
type Setup = Awaited<ReturnType<typeof setup>>;

const invite = async ({ deps, admin }: Setup, role: Role = "billing", email = `${uniqueSlug("invitee")}@test.example`) => {
  const { invitation, token } = await inviteMember(deps, admin, { email, role });
  return { invitation, token, email };
};

const accept = (deps: Setup["deps"], token: string, password = NEW_PASSWORD, displayName: string | undefined = "Invited Person") =>
  acceptInvitation(deps, { token, password, displayName, locale: "en", ip: "127.0.0.1", userAgent: "vitest" });

const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

/** The role the user holds in the organization, read as the owner (undefined: not a member). */
const membershipRole = async (orgId: string, email: string) => {
  const [row] = await db.sql<{ role: Role }[]>`
    select m.role from memberships m join users u on u.id = m.user_id where m.org_id = ${orgId} and u.email = ${email}`;
  return row?.role;
};

const userCount = async (email: string) => (await db.sql`select 1 from users where email = ${email}`).length;

describe("invitation lifecycle", () => {
  it("stores only the token's hash, previews, and accepting creates the account, membership and session", async () => {
    const s = await setup("Acme Recouvrement");
    const { invitation, token, email } = await invite(s, "credit_manager");
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(invitation).toMatchObject({ email, role: "credit_manager", status: "pending" });
    expect(invitation.expiresAt.getTime() - s.clock.now().getTime()).toBe(INVITATION_LIFETIME_MS);
    expect(await db.sql`select 1 from invitations where token_hash = ${token}`).toHaveLength(0);
    expect(await db.sql`select 1 from invitations where token_hash = ${hashSecretToken(token)} and org_id = ${s.org.id}`).toHaveLength(1);

    expect(await previewInvitation(s.deps, token)).toEqual({
      orgName: "Acme Recouvrement",
      email,
      role: "credit_manager",
      status: "pending",
      accountExists: false,
    });

    const session = await accept(s.deps, token);
    const [user] = await db.sql<{ displayName: string; locale: string; hash: string }[]>`
      select display_name as "displayName", locale, password_hash as hash from users where email = ${email}`;
    expect(user).toMatchObject({ displayName: "Invited Person", locale: "en" });
    expect(user?.hash).toMatch(/^\$argon2id\$/);
    expect(await membershipRole(s.org.id, email)).toBe("credit_manager");
    const context = await validateSessionToken(s.deps, session.token);
    expect(context).toMatchObject({ org: { id: s.org.id }, role: "credit_manager", user: { email } });
    // the new password signs in
    expect((await signIn(s.deps, { email, password: NEW_PASSWORD, ip: uniqueSlug("ip"), userAgent: null })).orgSlug).toBe(s.org.slug);
    expect((await previewInvitation(s.deps, token)).status).toBe("accepted");
    expect((await previewInvitation(s.deps, token)).accountExists).toBe(true);
  });

  it("can be used only once", async () => {
    const s = await setup();
    const { token } = await invite(s);
    await accept(s.deps, token);
    const again = await caught(accept(s.deps, token, NEW_PASSWORD));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.details.key).toBe("invite.accepted");
  });

  it("lets exactly one of two simultaneous acceptances win", async () => {
    const s = await setup();
    const { token, email } = await invite(s);
    const results = await Promise.allSettled([accept(s.deps, token), accept(s.deps, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await userCount(email)).toBe(1);
    expect(await membershipRole(s.org.id, email)).toBe("billing");
  });

  it("expires after 7 days and then adds no one", async () => {
    const s = await setup();
    const { token, email } = await invite(s);
    s.clock.advance(INVITATION_LIFETIME_MS);
    expect((await previewInvitation(s.deps, token)).status).toBe("expired");
    const error = await caught(accept(s.deps, token));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.details.key).toBe("invite.expired");
    expect(await membershipRole(s.org.id, email)).toBeUndefined();
    expect(await userCount(email)).toBe(0);
    expect((await listOrgInvitations(s.deps, s.admin))[0]?.status).toBe("expired");
  });

  it("is still valid just before its 7 days are up", async () => {
    const s = await setup();
    const { token, email } = await invite(s, "manager");
    s.clock.advance(INVITATION_LIFETIME_MS - 1000);
    await accept(s.deps, token);
    expect(await membershipRole(s.org.id, email)).toBe("manager");
  });

  it("cannot be accepted once revoked", async () => {
    const s = await setup();
    const { invitation, token, email } = await invite(s);
    await revokeOrgInvitation(s.deps, s.admin, invitation.id);
    const error = await caught(accept(s.deps, token));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.details.key).toBe("invite.revoked");
    expect(await membershipRole(s.org.id, email)).toBeUndefined();
    expect((await caught(revokeOrgInvitation(s.deps, s.admin, invitation.id))).code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for a garbage or unknown token", async () => {
    const { deps } = await setup();
    for (const token of ["garbage", "", "a".repeat(32), "<script>"]) {
      expect((await caught(previewInvitation(deps, token))).code).toBe("NOT_FOUND");
      expect((await caught(accept(deps, token))).code).toBe("NOT_FOUND");
    }
  });

  it("refuses a short new password on the password field, and a missing name", async () => {
    const s = await setup();
    const { token, email } = await invite(s);
    const short = await caught(accept(s.deps, token, "short"));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.details.fields?.map((f) => f.path)).toEqual(["password"]);
    const noName = await caught(accept(s.deps, token, NEW_PASSWORD, "   "));
    expect(noName.details.fields?.map((f) => f.path)).toEqual(["displayName"]);
    expect(await userCount(email)).toBe(0);
    expect((await previewInvitation(s.deps, token)).status).toBe("pending");
  });
});

describe("invitation of an existing account", () => {
  const existingSetup = async () => {
    const s = await setup();
    const otherOrg = await buildOrg(s.deps, { name: "Elsewhere" });
    const existing = await buildMember(s.deps, otherOrg, "billing");
    const { token } = await invite(s, "sales", existing.email);
    return { ...s, existing, token };
  };

  it("accepts with the account's own password and keeps its other memberships", async () => {
    const s = await existingSetup();
    expect((await previewInvitation(s.deps, s.token)).accountExists).toBe(true);
    const session = await accept(s.deps, s.token, TEST_PASSWORD, undefined);
    expect(await membershipRole(s.org.id, s.existing.email)).toBe("sales");
    expect(await membershipRole(s.existing.orgId, s.existing.email)).toBe("billing");
    expect(await userCount(s.existing.email)).toBe(1);
    expect(await validateSessionToken(s.deps, session.token)).toMatchObject({ org: { id: s.org.id }, user: { id: s.existing.userId } });
  });

  it("refuses a wrong password on the password field and adds no membership", async () => {
    const s = await existingSetup();
    const error = await caught(accept(s.deps, s.token, "not the right one"));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details.fields?.map((f) => f.path)).toEqual(["password"]);
    expect(await membershipRole(s.org.id, s.existing.email)).toBeUndefined();
    expect((await previewInvitation(s.deps, s.token)).status).toBe("pending");
  });
});

describe("member management", () => {
  it("refuses to demote or remove the last admin, and allows it once there is another", async () => {
    const s = await setup();
    const demote = await caught(changeMemberRole(s.deps, s.admin, { userId: s.admin.userId, role: "manager" }));
    expect(demote.code).toBe("PRECONDITION_FAILED");
    expect(demote.details.key).toBe("members.lastAdmin");
    expect((await caught(removeMember(s.deps, s.admin, s.admin.userId))).code).toBe("PRECONDITION_FAILED");
    expect(await withTenant(db.sql, s.org.id, (tx) => findMemberRole(tx, s.admin.userId))).toBe("admin");

    const second = await buildMember(s.deps, s.org, "billing");
    await changeMemberRole(s.deps, s.admin, { userId: second.userId, role: "admin" });
    await changeMemberRole(s.deps, s.admin, { userId: s.admin.userId, role: "manager" });
    const roles = Object.fromEntries((await listOrgMembers(s.deps, second)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [s.admin.userId]: "manager", [second.userId]: "admin" });
  });

  it("answers NOT_FOUND for another tenant's user and leaves that user's role unchanged", async () => {
    const s = await setup();
    const other = await setup();
    const outsider = await buildMember(other.deps, other.org, "billing");
    expect((await caught(changeMemberRole(s.deps, s.admin, { userId: outsider.userId, role: "admin" }))).code).toBe("NOT_FOUND");
    expect((await caught(changeMemberRole(s.deps, s.admin, { userId: other.admin.userId, role: "sales" }))).code).toBe("NOT_FOUND");
    expect((await caught(removeMember(s.deps, s.admin, outsider.userId))).code).toBe("NOT_FOUND");
    expect(await membershipRole(other.org.id, outsider.email)).toBe("billing");
    expect(await membershipRole(other.org.id, other.admin.email)).toBe("admin");
    expect(await membershipRole(s.org.id, outsider.email)).toBeUndefined();
  });

  it("revoking another tenant's invitation is NOT_FOUND and leaves it pending", async () => {
    const s = await setup();
    const other = await setup();
    const { invitation, token } = await invite(other);
    expect((await caught(revokeOrgInvitation(s.deps, s.admin, invitation.id))).code).toBe("NOT_FOUND");
    expect((await previewInvitation(other.deps, token)).status).toBe("pending");
    expect(await listOrgInvitations(s.deps, s.admin)).toEqual([]);
  });
});
