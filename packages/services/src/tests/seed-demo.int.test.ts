import { findOrganizationBySlug, findUserByEmail, migrate, startEmbeddedDatabase, withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAccessibleCases } from "../cases/case-access.ts";
import { listMyNotifications } from "../chat/mention-notifications.ts";
import { buildDeps } from "../testing/index.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { listCaseDisputes } from "../disputes/get-dispute.ts";
import { seedDemo } from "../seed/seed-demo.ts";

// The demo's organization slugs are fixed: seed into a database of its own, whatever DATABASE_URL says.
let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await startEmbeddedDatabase();
  await migrate(db.sql);
  ({ deps } = buildDeps(db, new Date()));
});
afterAll(async () => db.close());

const actorFor = async (email: string, slug: string, role: Actor["role"]): Promise<Actor> => ({
  userId: (await findUserByEmail(db.sql, email))!.id,
  orgId: (await findOrganizationBySlug(db.sql, slug))!.id,
  role,
});

describe("demo workspace", () => {
  it("seeds both organizations with their books and a live dispute room, once", async () => {
    const first = await seedDemo(deps);
    expect(first.created).toEqual(["durand", "alpenbau"]);
    expect(first.debtors).toBeGreaterThan(300);
    expect(first.invoices).toBeGreaterThan(1000);
    expect(first.disputes).toBe(3);
    expect(first.logins.filter((l) => l.org === "durand").map((l) => l.role).sort()).toEqual(["admin", "billing", "credit_manager", "manager", "sales", "sales"]);

    const sophie = await actorFor("sophie.bernard@durand-industrie.example", "durand", "credit_manager");
    const emma = await actorFor("emma.girard@durand-industrie.example", "durand", "sales");
    const thomas = await actorFor("thomas.roux@durand-industrie.example", "durand", "sales");
    const disputes = await withTenant(db.sql, sophie.orgId, (tx) =>
      tx<{ caseId: string; status: string }[]>`select case_id as "caseId", status from disputes order by status`);
    expect(disputes.map((d) => d.status)).toEqual(["waiting_billing", "waiting_sales"]);

    // Emma was brought into the delivery dispute's case, answered the mention, and has nothing unread
    const waitingSales = disputes.find((d) => d.status === "waiting_sales")!;
    expect((await listAccessibleCases(deps, emma, 500)).map((c) => c.id)).toContain(waitingSales.caseId);
    expect((await listCaseDisputes(deps, emma, { caseId: waitingSales.caseId }))[0]).toMatchObject({ status: "waiting_sales" });
    expect((await listMyNotifications(deps, emma)).unread).toBe(0);
    // Thomas was mentioned nowhere
    expect((await listMyNotifications(deps, thomas)).unread).toBe(0);
    const messages = await withTenant(db.sql, sophie.orgId, (tx) =>
      tx<{ seq: number }[]>`select seq from chat_messages where case_id = ${waitingSales.caseId} order by seq`);
    expect(messages.map((m) => m.seq)).toEqual([1, 2]);

    const again = await seedDemo(deps);
    expect(again).toMatchObject({ created: [], debtors: 0, invoices: 0, disputes: 0 });
    expect(await withTenant(db.sql, sophie.orgId, (tx) => tx`select 1 from disputes`)).toHaveLength(2);
  });
});
