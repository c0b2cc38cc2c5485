import { insertOrganization, insertUser, addMembershipIfAbsent, withTenant, insertDebtors, insertInvoices, insertCases, type Database, type OrganizationRow } from "@relance/db";
import { openTestDatabase, uniqueSlug } from "@relance/db/testing";
import type { Country, Role } from "@relance/domain";
import { hashPassword } from "../auth/password-hashing.ts";
import { createSession } from "../auth/sessions.ts";
import { fixedClock, type Actor, type ServiceDeps } from "../deps.ts";

export { openTestDatabase, uniqueSlug };

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;
/** Hashing is deliberately slow: tests share one hash of the test password. */
const testPasswordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

/** Services over a test database with a clock the test can move. */
export const buildDeps = (db: Database, start = new Date("2026-03-02T09:00:00Z")) => {
  const clock = fixedClock(start);
  const deps: ServiceDeps = { db, clock };
  return { deps, clock };
};

export const buildOrg = (deps: ServiceDeps, overrides: { name?: string; country?: Country } = {}): Promise<OrganizationRow> =>
  insertOrganization(deps.db.sql, {
    slug: uniqueSlug("org"),
    name: overrides.name ?? "Test Org",
    country: overrides.country ?? "FR",
    defaultCurrency: overrides.country === "CH" ? "CHF" : "EUR",
  });

export interface TestMember extends Actor {
  email: string;
  displayName: string;
}

export const buildMember = async (
  deps: ServiceDeps,
  org: OrganizationRow,
  role: Role,
  overrides: { email?: string; displayName?: string } = {},
): Promise<TestMember> => {
  const email = overrides.email ?? `${uniqueSlug(role)}@test.example`;
  const displayName = overrides.displayName ?? `${role} ${email.slice(0, 12)}`;
  const user = await insertUser(deps.db.sql, { email, displayName, passwordHash: await testPasswordHash(), locale: "fr" });
  await addMembershipIfAbsent(deps.db.sql, { orgId: org.id, userId: user.id, role });
  return { userId: user.id, orgId: org.id, role, email, displayName };
};

/** A session token for a member, as if they had signed in. */
export const signInMember = async (deps: ServiceDeps, member: TestMember): Promise<string> =>
  (await createSession(deps, { userId: member.userId, orgId: member.orgId, userAgent: "vitest", ip: "127.0.0.1" })).token;

/** A debtor with one overdue invoice and its case; the debtor may be owned by a sales rep. */
export const buildCase = async (
  deps: ServiceDeps,
  org: OrganizationRow,
  overrides: { salesOwnerId?: string | null; name?: string } = {},
): Promise<{ caseId: string; debtorId: string }> =>
  withTenant(deps.db.sql, org.id, async (tx) => {
    const [debtor] = await insertDebtors(tx, [
      {
        orgId: org.id,
        externalId: uniqueSlug("debtor"),
        name: overrides.name ?? `Debtor ${uniqueSlug("d")}`,
        country: org.country,
        city: null,
        segment: "b2b",
        jurisdiction: org.country,
        identifier: null,
        language: "fr",
        paymentTermsDays: 30,
        salesOwnerId: overrides.salesOwnerId ?? null,
      },
    ]);
    await insertInvoices(tx, [
      {
        orgId: org.id,
        debtorId: debtor!.id,
        number: uniqueSlug("INV"),
        issueDate: "2026-01-05",
        dueDate: "2026-02-04",
        currency: org.defaultCurrency,
        amountMinor: 125_000,
        openMinor: 125_000,
      },
    ]);
    const [caseId] = await insertCases(tx, [{ orgId: org.id, debtorId: debtor!.id, stage: "reminder_1", assigneeId: null }]);
    return { caseId: caseId!, debtorId: debtor!.id };
  });

export * from "./ledger-fixtures.ts";
export * from "./inbound-email-fixtures.ts";
