import type { Database, OrganizationRow, Sql } from "@relance/db";
import { AppError, type Role } from "@relance/domain";
import { hashSecretToken, inviteMember, validateSessionToken, type ServiceDeps } from "@relance/services";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase, signInMember, TEST_PASSWORD, uniqueSlug, type TestMember } from "@relance/services/testing";
import { getErrorShape, TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import type { ApiContext } from "../context.ts";
import { describeError, type ErrorData } from "../errors.ts";
import { appRouter } from "../router.ts";
import { createRequester, expectCode, trpcError } from "./request-context.ts";

let db: Database;
let deps: ServiceDeps;
let clock: ReturnType<typeof buildDeps>["clock"];
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps, clock } = buildDeps(db));
});
afterAll(async () => db.close());

const requestAs = (token: string | null, options: { deps?: ServiceDeps; ip?: string } = {}) => createRequester(deps)(token, options);

const asMember = async (member: TestMember) => requestAs(await signInMember(deps, member));

/** What the client receives for an error, through the router's errorFormatter. */
const formatted = (error: TRPCError, ctx: ApiContext, path: string) =>
  getErrorShape({ config: appRouter._def._config, error, type: "query", path, input: undefined, ctx }) as {
    message: string;
    code: number;
    data: ErrorData & { code: string; httpStatus: number; path: string };
  };

const newOrg = (name: string, country: "FR" | "CH" = "FR"): Promise<OrganizationRow> => buildOrg(deps, { name, country });
const member = (org: OrganizationRow, role: Role, displayName?: string) => buildMember(deps, org, role, displayName ? { displayName } : {});

describe("input validation", () => {
  it("answers malformed input with BAD_REQUEST caused by a ZodError naming the field paths", async () => {
    const { api, ctx } = await asMember(await member(await newOrg("Validation Org"), "admin"));
    const error = await expectCode(api.members.invite({ email: "not-an-email", role: "admin" }), "BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    const described = describeError(error, ctx.meta.requestId);
    expect(described.data.fields.map((f) => f.path)).toEqual(["email"]);
    expect(described.message).toMatch(/^Invalid input: email: /);
    expect(described.data.key).toBe("errors.invalidInput");

    const both = await expectCode(api.members.invite({ email: "nope", role: "owner" as Role }), "BAD_REQUEST");
    const shape = formatted(both, ctx, "members.invite");
    expect(shape.data.fields.map((f) => f.path).sort()).toEqual(["email", "role"]);
    expect(shape.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, path: "members.invite", requestId: ctx.meta.requestId });
    expect(shape.message).toContain("email: ");
    expect(shape.message).toContain("role: ");
  });

  it("names the fields of a public procedure's input too", async () => {
    const { api, ctx } = await requestAs(null);
    const error = await expectCode(api.auth.signIn({ email: "   ", password: "" }), "BAD_REQUEST");
    expect(formatted(error, ctx, "auth.signIn").data.fields.map((f) => f.path).sort()).toEqual(["email", "password"]);
  });
});

describe("authentication", () => {
  it("refuses every authenticated procedure without a session, and auth.me answers null", async () => {
    const { api, ctx } = await requestAs(null);
    expect(await api.auth.me()).toBeNull();
    const calls: [string, () => Promise<unknown>][] = [
      ["auth.signOut", () => api.auth.signOut()],
      ["account.sessions", () => api.account.sessions()],
      ["account.endSession", () => api.account.endSession({ sessionId: "0".repeat(64) })],
      ["account.endOtherSessions", () => api.account.endOtherSessions()],
      ["account.changePassword", () => api.account.changePassword({ currentPassword: "x", newPassword: "y".repeat(12) })],
      ["account.setLocale", () => api.account.setLocale({ locale: "en" })],
      ["members.list", () => api.members.list()],
      ["members.invite", () => api.members.invite({ email: "a@b.example", role: "sales" })],
      ["receivables.summary", () => api.receivables.summary()],
      ["debtors.list", () => api.debtors.list({})],
      ["receivables.cases", () => api.receivables.cases()],
      ["cases.get", () => api.cases.get({ caseId: crypto.randomUUID() })],
    ];
    for (const [path, call] of calls) {
      const error = await expectCode(call(), "UNAUTHORIZED").catch((e: unknown) => {
        throw new Error(`${path}: ${String(e)}`);
      });
      expect(formatted(error, ctx, path).data.key, path).toBe("errors.unauthorized");
    }
  });

  it("sign-in sets the session cookie and sign-out clears it and ends the session", async () => {
    const org = await newOrg("Cookie Org");
    const m = await member(org, "billing");
    const anonymous = await requestAs(null);
    expect(await anonymous.api.auth.signIn({ email: m.email, password: TEST_PASSWORD })).toEqual({ orgSlug: org.slug });
    expect(anonymous.cookies.set).toHaveLength(1);
    const { token, expiresAt } = anonymous.cookies.set[0]!;
    expect(expiresAt.getTime()).toBe(clock.now().getTime() + 30 * 24 * 3600_000);

    const signedIn = await requestAs(token);
    expect(await signedIn.api.auth.me()).toMatchObject({ user: { id: m.userId }, org: { slug: org.slug }, role: "billing" });
    expect(await signedIn.api.auth.signOut()).toEqual({ ok: true });
    expect(signedIn.cookies.cleared).toBe(1);
    expect(await validateSessionToken(deps, token)).toBeNull();
  });

  it("a failed sign-in sets no cookie and formats the domain error", async () => {
    const m = await member(await newOrg("Failed Sign-in Org"), "billing");
    const { api, ctx, cookies } = await requestAs(null);
    const ip = ctx.meta.ip;
    const error = await expectCode(api.auth.signIn({ email: m.email, password: "wrong password" }), "UNAUTHORIZED");
    expect(error.cause).toBeInstanceOf(AppError);
    expect(formatted(error, ctx, "auth.signIn")).toMatchObject({ message: "Wrong e-mail or password.", data: { key: "auth.invalidCredentials" } });
    // the 5 free failures and the one that starts the lock
    for (let i = 0; i < 5; i++) await expectCode(api.auth.signIn({ email: m.email, password: "wrong password" }), "UNAUTHORIZED");
    const locked = await expectCode((await requestAs(null, { ip })).api.auth.signIn({ email: m.email, password: TEST_PASSWORD }), "TOO_MANY_REQUESTS");
    const shape = formatted(locked, ctx, "auth.signIn");
    expect(shape.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(shape.message).toBe(`Too many sign-in attempts. Try again in ${shape.data.retryAfterSeconds} s.`);
    expect(cookies.set).toHaveLength(0);
  });
});

describe("authorization", () => {
  it("keeps the member administration from a credit_manager (FORBIDDEN)", async () => {
    const org = await newOrg("Roles Org");
    const admin = await member(org, "admin");
    const { api } = await asMember(await member(org, "credit_manager"));
    await expectCode(api.members.list(), "FORBIDDEN");
    await expectCode(api.members.invitations(), "FORBIDDEN");
    await expectCode(api.members.invite({ email: `${uniqueSlug("x")}@test.example`, role: "admin" }), "FORBIDDEN");
    await expectCode(api.members.changeRole({ userId: admin.userId, role: "sales" }), "FORBIDDEN");
    await expectCode(api.members.remove({ userId: admin.userId }), "FORBIDDEN");
    const rows = await db.sql`select role from memberships where org_id = ${org.id} and user_id = ${admin.userId}`;
    expect(rows).toEqual([{ role: "admin" }]);
  });

  it("answers another tenant's case with NOT_FOUND and a non-uuid with BAD_REQUEST", async () => {
    const other = await newOrg("Case Owner Org");
    const { caseId } = await buildCase(deps, other);
    const { api } = await asMember(await member(await newOrg("Case Seeker Org"), "admin"));
    await expectCode(api.cases.get({ caseId }), "NOT_FOUND");
    await expectCode(api.cases.get({ caseId: crypto.randomUUID() }), "NOT_FOUND");
    const bad = await expectCode(api.cases.get({ caseId: "42; drop table cases" }), "BAD_REQUEST");
    expect(describeError(bad, null).data.fields.map((f) => f.path)).toEqual(["caseId"]);
  });

  it("shows a sales member only the debtors and cases he owns", async () => {
    const org = await newOrg("Sales Org");
    const [rep, colleague] = [await member(org, "sales"), await member(org, "sales")];
    const mine = await buildCase(deps, org, { salesOwnerId: rep.userId, name: "Rep Owned Debtor" });
    const theirs = await buildCase(deps, org, { salesOwnerId: colleague.userId, name: "Colleague Debtor" });
    const nobodys = await buildCase(deps, org, { name: "Unowned Debtor" });
    const { api } = await asMember(rep);
    const debtors = await api.debtors.list({});
    expect(debtors.total).toBe(1);
    expect(debtors.rows.map((d) => d.name)).toEqual(["Rep Owned Debtor"]);
    expect((await api.debtors.list({ search: "Colleague" })).total).toBe(0);
    expect((await api.receivables.cases()).rows.map((c) => c.id)).toEqual([mine.caseId]);
    expect(await api.cases.get({ caseId: mine.caseId })).toMatchObject({ id: mine.caseId, debtorName: "Rep Owned Debtor" });
    await expectCode(api.cases.get({ caseId: theirs.caseId }), "NOT_FOUND");
    await expectCode(api.cases.get({ caseId: nobodys.caseId }), "NOT_FOUND");
    // the whole book stays visible to a tenant-wide role
    const manager = await asMember(await member(org, "manager"));
    expect((await manager.api.debtors.list({})).total).toBe(3);
  });

  it("answers NOT_FOUND when an admin changes or removes another tenant's member", async () => {
    const otherOrg = await newOrg("Target Org");
    const target = await member(otherOrg, "billing");
    const { api } = await asMember(await member(await newOrg("Attacker Org"), "admin"));
    await expectCode(api.members.changeRole({ userId: target.userId, role: "admin" }), "NOT_FOUND");
    await expectCode(api.members.remove({ userId: target.userId }), "NOT_FOUND");
    const rows = await db.sql`select role from memberships where org_id = ${otherOrg.id} and user_id = ${target.userId}`;
    expect(rows).toEqual([{ role: "billing" }]);
    expect(await validateSessionToken(deps, await signInMember(deps, target))).not.toBeNull();
  });

  it("answers NOT_FOUND for ending another user's session, which keeps working", async () => {
    const org = await newOrg("Session Org");
    const victim = await member(org, "billing");
    const victimToken = await signInMember(deps, victim);
    const me = await member(org, "admin");
    const myOtherToken = await signInMember(deps, me);
    const { api, ctx, cookies } = await asMember(me);
    await expectCode(api.account.endSession({ sessionId: hashSecretToken(victimToken) }), "NOT_FOUND");
    expect(await validateSessionToken(deps, victimToken)).not.toBeNull();
    expect(await api.account.endSession({ sessionId: hashSecretToken(myOtherToken) })).toEqual({ ok: true });
    expect(await validateSessionToken(deps, myOtherToken)).toBeNull();
    expect(cookies.cleared).toBe(0);
    await api.account.endSession({ sessionId: ctx.session!.session.id });
    expect(cookies.cleared).toBe(1);
  });
});

describe("tenant isolation through every data procedure", () => {
  const buildTenant = async (label: string, country: "FR" | "CH", cases: number) => {
    const org = await newOrg(`${label} Holding`, country);
    const admin = await member(org, "admin", `${label} Admin Person`);
    for (let i = 1; i <= cases; i++) await buildCase(deps, org, { name: `${label} Debtor ${i}` });
    const { invitation, token } = await inviteMember(deps, admin, { email: `${label.toLowerCase()}-invitee-${uniqueSlug()}@test.example`, role: "sales" });
    return { org, admin, invitationId: invitation.id, inviteToken: token };
  };

  /** Everything a member can read, through the router. */
  const readEverything = async (m: TestMember) => {
    const { api } = await asMember(m);
    const cases = (await api.receivables.cases()).rows;
    return {
      me: await api.auth.me(),
      sessions: await api.account.sessions(),
      members: await api.members.list(),
      invitations: await api.members.invitations(),
      summary: await api.receivables.summary(),
      debtors: await api.debtors.list({ pageSize: 200 }),
      searched: await api.debtors.list({ search: "Debtor" }),
      cases,
      case: await Promise.all(cases.map((c) => api.cases.get({ caseId: c.id }))),
    };
  };

  it("never shows org A's debtors, cases, members, invitations or totals to a member of org B, and back", async () => {
    const alpha = await buildTenant("Alphazulu", "FR", 2);
    const bravo = await buildTenant("Bravoxray", "CH", 1);
    for (const [self, other] of [
      [alpha, bravo],
      [bravo, alpha],
    ] as const) {
      const seen = await readEverything(self.admin);
      const text = JSON.stringify(seen);
      const otherLabel = other === alpha ? "Alphazulu" : "Bravoxray";
      expect(text).not.toContain(otherLabel);
      for (const id of [other.org.id, other.admin.userId, other.invitationId]) expect(text).not.toContain(id);
      expect(seen.me?.organizations.map((o) => o.slug)).toEqual([self.org.slug]);
      expect(seen.members.map((m) => m.userId)).toEqual([self.admin.userId]);
      expect(seen.invitations.map((i) => i.id)).toEqual([self.invitationId]);
      const ownSessions = await db.sql<{ id: string }[]>`select id from sessions where user_id = ${self.admin.userId}`;
      expect(seen.sessions.map((s) => s.id).sort()).toEqual(ownSessions.map((s) => s.id).sort());
      expect(seen.sessions.filter((s) => s.current)).toHaveLength(1);
      const expectedCases = self === alpha ? 2 : 1;
      expect(seen.cases).toHaveLength(expectedCases);
      expect(seen.debtors.total).toBe(expectedCases);
      expect(seen.searched.total).toBe(expectedCases);
      expect(seen.summary).toEqual([
        { currency: self === alpha ? "EUR" : "CHF", openMinor: 125_000 * expectedCases, overdueMinor: 125_000 * expectedCases, openInvoices: expectedCases },
      ]);
      const { api } = await asMember(self.admin);
      for (const c of (await readEverything(other.admin)).cases) await expectCode(api.cases.get({ caseId: c.id }), "NOT_FOUND");
    }
  });
});

describe("unexpected errors", () => {
  it("formats an unknown error with nothing but the request id", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("password authentication failed for user relance at 10.0.0.7") });
    const { message, data } = describeError(error, "req-123");
    expect(message).toBe("Something went wrong on our side (request req-123).");
    expect(data).toEqual({ key: "errors.internal", fields: [], retryAfterSeconds: null, requestId: "req-123" });
  });

  it("formats a failed output validation as internal, without its schema details", () => {
    const outputIssue = z.object({ secretColumn: z.string() }).safeParse({ secretColumn: 1 }).error!;
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Output validation failed", cause: outputIssue });
    const { message, data } = describeError(error, "req-456");
    expect(message).toBe("Something went wrong on our side (request req-456).");
    expect(data.fields).toEqual([]);
    expect(JSON.stringify({ message, data })).not.toContain("secretColumn");
  });

  it("turns an error thrown deep in a procedure into INTERNAL_SERVER_ERROR whose message holds only the request id", async () => {
    const m = await member(await newOrg("Broken Org"), "admin");
    const token = await signInMember(deps, m);
    const brokenSql = { begin: () => Promise.reject(new Error("connection to 10.0.0.7 lost: relance_secret")) } as unknown as Sql;
    const { api, ctx } = await requestAs(token, { deps: { ...deps, db: { ...db, sql: brokenSql } } });
    const error = await expectCode(api.receivables.summary(), "INTERNAL_SERVER_ERROR");
    const shape = formatted(error, ctx, "receivables.summary");
    expect(shape.message).toBe(`Something went wrong on our side (request ${ctx.meta.requestId}).`);
    expect(JSON.stringify(shape)).not.toContain("relance_secret");
    expect(shape.data).toMatchObject({ key: "errors.internal", httpStatus: 500, requestId: ctx.meta.requestId });
  });
});
