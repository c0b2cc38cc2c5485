import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { insertCases, insertDebtors, insertInvoices } from "../index.ts";
import { insertOrganization } from "../queries/organizations.ts";
import { withTenant } from "../tenant.ts";
import { openTestDatabase, uniqueSlug } from "../testing/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

const buildLedger = async () => {
  const org = await insertOrganization(db.sql, { slug: uniqueSlug("inv"), name: "Invariants", country: "FR", defaultCurrency: "EUR" });
  return withTenant(db.sql, org.id, async (tx) => {
    const [debtor] = await insertDebtors(tx, [
      { orgId: org.id, externalId: "D1", name: "Dupont SA", country: "FR", city: null, segment: "b2b", jurisdiction: "FR", identifier: null, language: "fr", paymentTermsDays: 30, salesOwnerId: null },
    ]);
    await insertInvoices(tx, [
      { orgId: org.id, debtorId: debtor!.id, number: "F1", issueDate: "2026-01-01", dueDate: "2026-01-31", currency: "EUR", amountMinor: 1000, openMinor: 1000 },
    ]);
    const [caseId] = await insertCases(tx, [{ orgId: org.id, debtorId: debtor!.id, stage: "reminder_1", assigneeId: null }]);
    const [invoice] = await tx<{ id: string }[]>`select id from invoices`;
    const [policy] = await tx<{ id: string }[]>`insert into dunning_policies (org_id, segment, name) values (${org.id}, 'b2b_fr', 'B2B') returning id`;
    const [version] = await tx<{ id: string }[]>`
      insert into dunning_policy_versions (org_id, policy_id, version, steps) values (${org.id}, ${policy!.id}, 1, '[]') returning id`;
    return { orgId: org.id, debtorId: debtor!.id, caseId: caseId!, invoiceId: invoice!.id, versionId: version!.id };
  });
};

const errorCode = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string }) => e.code ?? "unknown");

describe("collection invariants held by the database", () => {
  it("keeps the timeline append-only for the application", async () => {
    const l = await buildLedger();
    await withTenant(db.sql, l.orgId, (tx) => tx`insert into timeline_events (org_id, debtor_id, case_id, kind, payload) values (${l.orgId}, ${l.debtorId}, ${l.caseId}, 'note', '{"text":"called"}')`);
    expect(await errorCode(withTenant(db.sql, l.orgId, (tx) => tx`update timeline_events set payload = '{}'`))).toBe("42501");
    expect(await errorCode(withTenant(db.sql, l.orgId, (tx) => tx`delete from timeline_events`))).toBe("42501");
    const rows = await withTenant(db.sql, l.orgId, (tx) => tx<{ payload: { text: string } }[]>`select payload from timeline_events`);
    expect(rows.map((r) => r.payload.text)).toEqual(["called"]);
  });

  it("refuses a second action for the same invoice and step", async () => {
    const l = await buildLedger();
    const plan = () =>
      withTenant(db.sql, l.orgId, async (tx) => {
        const [action] = await tx<{ id: string }[]>`
          insert into dunning_actions (org_id, case_id, debtor_id, policy_version_id, step_index, level, channel, planned_for)
          values (${l.orgId}, ${l.caseId}, ${l.debtorId}, ${l.versionId}, 0, 1, 'email', '2026-02-07') returning id`;
        await tx`insert into dunning_action_invoices (org_id, action_id, invoice_id, step_index, open_minor)
                 values (${l.orgId}, ${action!.id}, ${l.invoiceId}, 0, 1000)`;
      });
    await plan();
    expect(await errorCode(plan())).toBe("23505");
    const [count] = await withTenant(db.sql, l.orgId, (tx) => tx<{ n: number }[]>`select count(*)::int as n from dunning_actions`);
    expect(count!.n).toBe(1);
  });

  it("allows one open case per debtor", async () => {
    const l = await buildLedger();
    expect(await errorCode(withTenant(db.sql, l.orgId, (tx) => insertCases(tx, [{ orgId: l.orgId, debtorId: l.debtorId, stage: "reminder_1", assigneeId: null }])))).toBe("23505");
  });
});
