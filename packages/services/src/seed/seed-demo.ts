import {
  addMembershipIfAbsent,
  enterTenant,
  findOrganizationBySlug,
  findUserByEmail,
  insertCases,
  insertDebtors,
  insertInvoices,
  insertOrganization,
  insertUser,
} from "@relance/db";
import { daysBetween, defaultCurrencyOf, type Role } from "@relance/domain";
import { hashPassword } from "../auth/password-hashing.ts";
import { calendarDate, type ServiceDeps } from "../deps.ts";
import { DEMO_ORGS, DEMO_PASSWORD, generateDemoLedger, stageForDaysLate, type DemoOrg } from "./demo-data.ts";
import { seedDemoActivity } from "./seed-demo-activity.ts";

export interface DemoLogin {
  org: string;
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface SeedResult {
  /** Organizations created by this run; those already present are left untouched. */
  created: string[];
  logins: DemoLogin[];
  debtors: number;
  invoices: number;
  disputes: number;
}

/** One organization, all or nothing, in a single transaction. */
const seedOrganization = async (deps: ServiceDeps, org: DemoOrg, passwordHash: string, today: string) => {
  const { debtors, invoices } = generateDemoLedger(org, today);
  const members = await deps.db.sql.begin(async (tx) => {
    const created = await insertOrganization(tx, {
      slug: org.slug,
      name: org.name,
      country: org.country,
      defaultCurrency: defaultCurrencyOf(org.country),
    });
    const userIds: string[] = [];
    for (const user of org.users) {
      const existing = await findUserByEmail(tx, user.email);
      const id = existing?.id ?? (await insertUser(tx, { ...user, passwordHash, locale: "fr" })).id;
      await addMembershipIfAbsent(tx, { orgId: created.id, userId: id, role: user.role });
      userIds.push(id);
    }
    const salesIds = org.users.flatMap((u, i) => (u.role === "sales" ? [userIds[i]!] : []));
    const creditManagerId = userIds[org.users.findIndex((u) => u.role === "credit_manager")] ?? null;

    const tenant = await enterTenant(tx, created.id);
    const inserted = await insertDebtors(
      tenant,
      debtors.map((d) => ({
        orgId: created.id,
        externalId: d.externalId,
        name: d.name,
        country: d.country,
        city: d.city,
        segment: d.segment,
        jurisdiction: d.jurisdiction,
        identifier: d.identifier,
        language: d.language,
        paymentTermsDays: d.paymentTermsDays,
        salesOwnerId: d.salesOwnerIndex === null ? null : (salesIds[d.salesOwnerIndex] ?? null),
      })),
    );
    const debtorIdByExternal = new Map(inserted.map((r) => [r.externalId, r.id]));
    const debtorIds = debtors.map((d) => debtorIdByExternal.get(d.externalId)!);
    await insertInvoices(
      tenant,
      invoices.map((inv) => ({ ...inv, orgId: created.id, debtorId: debtorIds[inv.debtorIndex]! })),
    );
    const oldestOverdue = new Map<number, string>();
    for (const inv of invoices) {
      if (inv.openMinor > 0 && inv.dueDate < today) {
        const prev = oldestOverdue.get(inv.debtorIndex);
        if (!prev || inv.dueDate < prev) oldestOverdue.set(inv.debtorIndex, inv.dueDate);
      }
    }
    await insertCases(
      tenant,
      [...oldestOverdue].map(([debtorIndex, due]) => ({
        orgId: created.id,
        debtorId: debtorIds[debtorIndex]!,
        stage: stageForDaysLate(daysBetween(due, today)),
        assigneeId: creditManagerId,
      })),
    );
    return { orgId: created.id, users: org.users.map((u, i) => ({ userId: userIds[i]!, role: u.role })) };
  });
  const disputes = await seedDemoActivity(deps, org.slug, members.orgId, members.users);
  return { debtors: debtors.length, invoices: invoices.length, disputes };
};

/** Seeds the demo workspace: a French manufacturer and a Swiss builder, with their teams and books. Idempotent. */
export const seedDemo = async (deps: ServiceDeps): Promise<SeedResult> => {
  const today = calendarDate(deps.clock.now());
  const result: SeedResult = { created: [], logins: [], debtors: 0, invoices: 0, disputes: 0 };
  let passwordHash: string | undefined;
  for (const org of DEMO_ORGS) {
    if (!(await findOrganizationBySlug(deps.db.sql, org.slug))) {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      const counts = await seedOrganization(deps, org, passwordHash, today);
      result.created.push(org.slug);
      result.debtors += counts.debtors;
      result.invoices += counts.invoices;
      result.disputes += counts.disputes;
    }
  }
  return { ...result, logins: listDemoLogins() };
};

/** The demo accounts and their shared password, to print on start. */
export const listDemoLogins = (): DemoLogin[] =>
  DEMO_ORGS.flatMap((org) => org.users.map((user) => ({ org: org.slug, ...user, password: DEMO_PASSWORD })));
