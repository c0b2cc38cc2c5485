import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type Database, type Sql, type TenantTx } from "../database.ts";
import { withTenant } from "../tenant.ts";
import { insertOrganization, type OrganizationRow } from "../queries/organizations.ts";
import { insertUser } from "../queries/users.ts";
import { insertMembership } from "../queries/memberships.ts";
import { insertInvitation } from "../queries/invitations.ts";
import { insertDebtors } from "../queries/debtors.ts";
import { insertInvoices } from "../queries/invoices.ts";
import { insertCases } from "../queries/cases.ts";
import { appendDocumentUpdates } from "../queries/documents.ts";
import { openTestDatabase, uniqueSlug } from "../testing/index.ts";

/**
 * Tenant isolation on ONE physical connection reused by both tenants: whatever a tenant transaction sets must be
 * gone when the next one (of the other tenant, or of nobody) starts on the same connection.
 */

interface Tenant {
  org: OrganizationRow;
  /** Members of this organization only (the shared user is in both). */
  userIds: string[];
  debtorId: string;
  invoiceId: string;
  caseId: string;
  invitationId: string;
  docName: string;
}

const NOW = new Date("2026-03-02T09:00:00Z");
const TENANT_TABLES = ["organizations", "memberships", "users", "invitations", "debtors", "invoices", "cases", "documents", "document_updates"] as const;

let db: Database;
/** The one connection every transaction of this file runs on. */
let sql: Sql;
let ownSql: Sql | undefined;
let connectingRole: string;
let A: Tenant;
let B: Tenant;
let sharedUserId: string;

const newUser = async (label: string) =>
  (await insertUser(sql, { email: `${uniqueSlug(label)}@rls.example`, displayName: `User ${label}`, passwordHash: "not-a-hash", locale: "fr" })).id;

const seedTenant = async (label: string): Promise<Tenant> => {
  const org = await insertOrganization(sql, { slug: uniqueSlug(`rls-${label}`), name: `RLS org ${label}`, country: "FR", defaultCurrency: "EUR" });
  const userId = await newUser(label);
  await insertMembership(sql, { orgId: org.id, userId, role: "admin" });
  await insertMembership(sql, { orgId: org.id, userId: sharedUserId, role: "manager" });
  return withTenant(sql, org.id, async (tx) => {
    const invitation = await insertInvitation(tx, {
      orgId: org.id,
      email: `${uniqueSlug("invitee")}@rls.example`,
      role: "sales",
      tokenHash: `hash-${uniqueSlug(label)}`,
      invitedBy: userId,
      now: NOW,
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    });
    const [debtor] = await insertDebtors(tx, [
      {
        orgId: org.id,
        externalId: `EXT-${label}`,
        name: `Debtor of ${label}`,
        country: "FR",
        city: null,
        segment: "b2b",
        jurisdiction: "FR",
        identifier: null,
        language: "fr",
        paymentTermsDays: 30,
        salesOwnerId: null,
      },
    ]);
    await insertInvoices(tx, [
      { orgId: org.id, debtorId: debtor!.id, number: `INV-${label}`, issueDate: "2026-01-05", dueDate: "2026-02-04", currency: "EUR", amountMinor: 1000, openMinor: 1000 },
    ]);
    const [invoice] = await tx<{ id: string }[]>`select id from invoices where number = ${`INV-${label}`}`;
    const [caseId] = await insertCases(tx, [{ orgId: org.id, debtorId: debtor!.id, stage: "reminder_1", assigneeId: null }]);
    const docName = `case-${caseId}`;
    await appendDocumentUpdates(tx, org.id, docName, [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]);
    return { org, userIds: [userId, sharedUserId], debtorId: debtor!.id, invoiceId: invoice!.id, caseId: caseId!, invitationId: invitation.id, docName };
  });
};

beforeAll(async () => {
  db = await openTestDatabase();
  const url = process.env.DATABASE_URL;
  // The embedded database is already a single connection; against PostgreSQL open a pool of exactly one.
  ownSql = url ? createSqlClient({ url, max: 1 }) : undefined;
  sql = ownSql ?? db.sql;
  const [row] = await sql<{ role: string }[]>`select current_user as role`;
  connectingRole = row!.role;
  sharedUserId = await newUser("shared");
  A = await seedTenant("a");
  B = await seedTenant("b");
});

afterAll(async () => {
  await ownSql?.end({ timeout: 5 });
  await db.close();
});

type Row = Record<string, unknown>;
const selectAll = (tx: TenantTx, table: string) => tx<Row[]>`select * from ${tx(table)}`;
const sorted = (values: unknown[]) => values.map(String).sort();

/** What each table must show inside a tenant transaction, as sorted keys. */
const expectedKeys = (t: Tenant): Record<(typeof TENANT_TABLES)[number], { key: (r: Row) => unknown; values: unknown[] }> => ({
  organizations: { key: (r) => r.id, values: [t.org.id] },
  memberships: { key: (r) => `${r.org_id}/${r.user_id}`, values: t.userIds.map((u) => `${t.org.id}/${u}`) },
  users: { key: (r) => r.id, values: t.userIds },
  invitations: { key: (r) => r.id, values: [t.invitationId] },
  debtors: { key: (r) => r.id, values: [t.debtorId] },
  invoices: { key: (r) => r.id, values: [t.invoiceId] },
  cases: { key: (r) => r.id, values: [t.caseId] },
  documents: { key: (r) => `${r.org_id}/${r.name}`, values: [`${t.org.id}/${t.docName}`] },
  document_updates: { key: (r) => `${r.org_id}/${r.name}`, values: [`${t.org.id}/${t.docName}`, `${t.org.id}/${t.docName}`] },
});

const expectOnlyOwnRows = async (t: Tenant) =>
  withTenant(sql, t.org.id, async (tx) => {
    for (const [table, { key, values }] of Object.entries(expectedKeys(t))) {
      const rows = await selectAll(tx, table);
      expect(sorted(rows.map(key)), table).toEqual(sorted(values));
    }
  });

const backendPid = async (tx: TenantTx | Sql) => (await tx<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid;

/** Runs `work` as the tenant and expects PostgreSQL to refuse it with `code`. */
const expectRefused = async (t: Tenant, code: string, message: RegExp, work: (tx: TenantTx) => Promise<unknown>) => {
  const error = await withTenant(sql, t.org.id, work).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "statement should have been refused").toBeDefined();
  expect(error).toMatchObject({ code });
  expect(String((error as Error).message)).toMatch(message);
};

const RLS_VIOLATION = /row-level security/;

describe("row-level security on one reused connection", () => {
  it("shows each tenant only its own rows in every table, alternating tenants on the same connection", async () => {
    const pids = new Set<number>();
    for (const t of [A, B, A, B]) {
      await expectOnlyOwnRows(t);
      pids.add(await withTenant(sql, t.org.id, backendPid));
    }
    expect(pids.size).toBe(1);
  });

  it("lets UPDATE and DELETE reach none of the other tenant's rows", async () => {
    const b = B;
    const changed = await withTenant(sql, A.org.id, async (tx) => ({
      updOrg: (await tx`update organizations set name = 'hijacked' where id = ${b.org.id}`).count,
      updMembership: (await tx`update memberships set role = 'sales' where org_id = ${b.org.id}`).count,
      delMembership: (await tx`delete from memberships where org_id = ${b.org.id}`).count,
      updInvitation: (await tx`update invitations set revoked_at = now() where id = ${b.invitationId}`).count,
      updDebtor: (await tx`update debtors set name = 'hijacked' where id = ${b.debtorId}`).count,
      delDebtor: (await tx`delete from debtors where id = ${b.debtorId}`).count,
      updInvoice: (await tx`update invoices set open_minor = 0 where id = ${b.invoiceId}`).count,
      delInvoice: (await tx`delete from invoices where id = ${b.invoiceId}`).count,
      updCase: (await tx`update cases set stage = 'closed' where id = ${b.caseId}`).count,
      delCase: (await tx`delete from cases where id = ${b.caseId}`).count,
      updDocument: (await tx`update documents set plain_text = 'hijacked' where name = ${b.docName}`).count,
      delDocumentUpdates: (await tx`delete from document_updates where name = ${b.docName}`).count,
      delDocument: (await tx`delete from documents where name = ${b.docName}`).count,
      // without any where clause the statements reach exactly the tenant's own rows
      updAllDebtors: (await tx`update debtors set name = name`).count,
      updAllMemberships: (await tx`update memberships set role = role`).count,
    }));
    expect(changed).toEqual({
      updOrg: 0,
      updMembership: 0,
      delMembership: 0,
      updInvitation: 0,
      updDebtor: 0,
      delDebtor: 0,
      updInvoice: 0,
      delInvoice: 0,
      updCase: 0,
      delCase: 0,
      updDocument: 0,
      delDocumentUpdates: 0,
      delDocument: 0,
      updAllDebtors: 1,
      updAllMemberships: 2,
    });
    await expectOnlyOwnRows(B);
    await withTenant(sql, B.org.id, async (tx) => {
      const [row] = await tx`
        select o.name as org, d.name as debtor, i.open_minor as open, c.stage, doc.plain_text as text, inv.revoked_at as revoked,
               (select array_agg(role order by role) from memberships) as roles
        from organizations o, debtors d, invoices i, cases c, documents doc, invitations inv`;
      expect(row).toEqual({ org: "RLS org b", debtor: "Debtor of b", open: 1000, stage: "reminder_1", text: "", revoked: null, roles: ["admin", "manager"] });
    });
  });

  it("refuses rows written with the other tenant's org_id (WITH CHECK, 42501)", async () => {
    const b = B.org.id;
    const inserts: Record<string, (tx: TenantTx) => Promise<unknown>> = {
      memberships: (tx) => tx`insert into memberships (org_id, user_id, role) values (${b}, ${A.userIds[0]!}, 'admin')`,
      invitations: (tx) =>
        tx`insert into invitations (org_id, email, role, token_hash, expires_at) values (${b}, 'x@rls.example', 'admin', ${uniqueSlug("h")}, now())`,
      debtors: (tx) =>
        tx`insert into debtors (org_id, external_id, name, country, segment, jurisdiction) values (${b}, 'X-1', 'Intruder', 'FR', 'b2b', 'FR')`,
      invoices: (tx) =>
        tx`insert into invoices (org_id, debtor_id, number, issue_date, due_date, currency, amount_minor, open_minor)
           values (${b}, ${B.debtorId}, 'X-INV', '2026-01-01', '2026-01-31', 'EUR', 1, 1)`,
      cases: (tx) => tx`insert into cases (org_id, debtor_id) values (${b}, ${B.debtorId})`,
      documents: (tx) => tx`insert into documents (org_id, name) values (${b}, 'intruder')`,
      document_updates: (tx) => tx`insert into document_updates (org_id, name, update) values (${b}, ${B.docName}, '\\x01'::bytea)`,
      "update moving a row to the other tenant": (tx) => tx`update debtors set org_id = ${b}`,
    };
    for (const [what, insert] of Object.entries(inserts)) {
      await expectRefused(A, "42501", RLS_VIOLATION, insert).catch((e: unknown) => {
        throw new Error(`${what}: ${String(e)}`);
      });
    }
    // tables the application role may not write at all are refused as well
    await expectRefused(A, "42501", /permission denied/, (tx) =>
      tx`insert into organizations (slug, name, country, default_currency) values (${uniqueSlug("x")}, 'X', 'FR', 'EUR')`,
    );
    await expectRefused(A, "42501", /permission denied/, (tx) => tx`update users set display_name = 'hijacked'`);
    await expectRefused(A, "42501", /permission denied/, (tx) => tx`select * from sessions`);
    await expectOnlyOwnRows(B);
  });

  it("refuses an invoice or a case pointing to the other tenant's debtor", async () => {
    await expectRefused(A, "23503", /foreign key/, (tx) =>
      insertInvoices(tx, [
        { orgId: A.org.id, debtorId: B.debtorId, number: "CROSS-1", issueDate: "2026-01-01", dueDate: "2026-01-31", currency: "EUR", amountMinor: 1, openMinor: 1 },
      ]),
    );
    await expectRefused(A, "23503", /foreign key/, (tx) => insertCases(tx, [{ orgId: A.org.id, debtorId: B.debtorId, stage: "reminder_1", assigneeId: null }]));
    await expectOnlyOwnRows(A);
  });

  const connectionState = async () => {
    const [row] = await sql<{ org: string | null; role: string }[]>`select current_setting('app.org_id', true) as org, current_user as role`;
    return { org: row!.org ?? "", role: row!.role };
  };

  it("leaves neither the tenant nor the role to the next transaction on the connection", async () => {
    const inside = await withTenant(sql, A.org.id, async (tx) => {
      const [row] = await tx<{ org: string; role: string }[]>`select current_setting('app.org_id', true) as org, current_user as role`;
      return row;
    });
    expect(inside).toEqual({ org: A.org.id, role: "relance_app" });
    expect(connectingRole).not.toBe("relance_app");
    expect(await connectionState()).toEqual({ org: "", role: connectingRole });
    const nextTx = await sql.begin(async (tx) => {
      const [row] = await tx<{ org: string | null; role: string }[]>`select current_setting('app.org_id', true) as org, current_user as role`;
      return { org: row!.org ?? "", role: row!.role };
    });
    expect(nextTx).toEqual({ org: "", role: connectingRole });
  });

  it("leaves nothing behind after a tenant transaction that rolled back", async () => {
    const failure = new Error("boom");
    await expect(
      withTenant(sql, B.org.id, async (tx) => {
        await tx`update debtors set name = 'rolled back'`;
        await tx`insert into documents (org_id, name) values (${B.org.id}, 'rolled-back')`;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await connectionState()).toEqual({ org: "", role: connectingRole });
    await expectOnlyOwnRows(B);
    const [debtor] = await withTenant(sql, B.org.id, (tx) => tx`select name from debtors`);
    expect(debtor?.name).toBe("Debtor of b");
  });

  it("shows nothing to the application role when no tenant is set", async () => {
    await expectOnlyOwnRows(A); // a tenant transaction just ran on this connection
    const counts = await sql.begin(async (tx) => {
      await tx`select set_config('role', 'relance_app', true)`;
      const result: Record<string, number> = {};
      for (const table of TENANT_TABLES) {
        const [row] = await tx<{ n: number }[]>`select count(*)::int as n from ${tx(table)}`;
        result[table] = row!.n;
      }
      return result;
    });
    expect(counts).toEqual(Object.fromEntries(TENANT_TABLES.map((t) => [t, 0])));
    expect(await connectionState()).toEqual({ org: "", role: connectingRole });
  });
});
