import type { Database } from "@relance/db";
import { addMembershipIfAbsent } from "@relance/db";
import { validateSessionToken, type ServiceDeps } from "@relance/services";
import { buildDeps, buildMember, buildOrg, openTestDatabase, signInMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequester, expectCode } from "./request-context.ts";

let db: Database;
let deps: ServiceDeps;
let requestAs: ReturnType<typeof createRequester>;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, new Date()));
  requestAs = createRequester(deps);
});
afterAll(async () => db.close());

describe("switching organization", () => {
  it("moves a member of two organizations into the other with a new session, ending the old one", async () => {
    const durand = await buildOrg(deps, { name: "Durand" });
    const favre = await buildOrg(deps, { name: "Favre", country: "CH" });
    const ana = await buildMember(deps, durand, "credit_manager");
    await addMembershipIfAbsent(db.sql, { orgId: favre.id, userId: ana.userId, role: "sales" });
    const token = await signInMember(deps, ana);
    const { api, cookies } = await requestAs(token);
    expect((await api.auth.me())?.organizations.map((o) => o.name).sort()).toEqual(["Durand", "Favre"]);
    expect(await api.auth.switchOrganization({ orgSlug: favre.slug })).toEqual({ orgSlug: favre.slug });
    expect(await validateSessionToken(deps, token)).toBeNull();
    const next = await validateSessionToken(deps, cookies.set[0]!.token);
    expect(next).toMatchObject({ org: { id: favre.id }, role: "sales" });
  });

  it("answers an organization the user does not belong to as not found, keeping the session", async () => {
    const mine = await buildOrg(deps);
    const other = await buildOrg(deps);
    const token = await signInMember(deps, await buildMember(deps, mine, "admin"));
    const { api } = await requestAs(token);
    await expectCode(api.auth.switchOrganization({ orgSlug: other.slug }), "NOT_FOUND");
    expect(await validateSessionToken(deps, token)).not.toBeNull();
  });
});

describe("organization settings", () => {
  it("lets an admin change the idle timeout, and only an admin", async () => {
    const org = await buildOrg(deps);
    const admin = await requestAs(await signInMember(deps, await buildMember(deps, org, "admin")));
    const collector = await requestAs(await signInMember(deps, await buildMember(deps, org, "credit_manager")));
    expect((await collector.api.organization.settings()).sessionIdleTimeoutMinutes).toBe(720);
    expect(await admin.api.organization.updateSettings({ sessionIdleTimeoutMinutes: 90 })).toMatchObject({ sessionIdleTimeoutMinutes: 90 });
    await expectCode(collector.api.organization.updateSettings({ sessionIdleTimeoutMinutes: 60 }), "FORBIDDEN");
    const tooShort = await expectCode(admin.api.organization.updateSettings({ sessionIdleTimeoutMinutes: 1 }), "BAD_REQUEST");
    expect(tooShort.message).toContain("sessionIdleTimeoutMinutes");
    expect((await admin.api.organization.settings()).sessionIdleTimeoutMinutes).toBe(90);
  });
});
