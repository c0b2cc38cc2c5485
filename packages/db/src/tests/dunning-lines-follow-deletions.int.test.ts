import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import { insertCases, insertDebtors, insertInvoices, pruneEmptyDunningActions } from "../index.ts";
import { insertOrganization } from "../queries/organizations.ts";
import { withTenant } from "../tenant.ts";
import { openTestDatabase, uniqueSlug } from "../testing/index.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

/** A tenant with one debtor, two invoices, and one action recording both at step 0. */
const buildRecordedAction = async () => {
  const org = await insertOrganization(db.sql, { slug: uniqueSlug("lines"), name: "Lines", country: "FR", defaultCurrency: "EUR" });
  return withTenant(db.sql, org.id, async (tx) => {
    const [debtor] = await insertDebtors(tx, [
      { orgId: org.id, externalId: "D1", name: "Dupont SA", country: "FR", city: null, segment: "b2b", jurisdiction: "FR", identifier: null, language: "fr", paymentTermsDays: 30, salesOwnerId: null },
    ]);
    await insertInvoices(tx, ["F1", "F2"].map((number) => (
      { orgId: org.id, debtorId: debtor!.id, number, issueDate: "2026-01-01", dueDate: "2026-01-31", currency: "EUR" as const, amountMinor: 1000, openMinor: 1000 }
    )));
    const [caseId] = await insertCases(tx, [{ orgId: org.id, debtorId: debtor!.id, stage: "reminder_1", assigneeId: null }]);
    const [policy] = await tx<{ id: string }[]>`insert into dunning_policies (org_id, segment, name) values (${org.id}, 'b2b_fr', 'B2B') returning id`;
    const [version] = await tx<{ id: string }[]>`
      insert into dunning_policy_versions (org_id, policy_id, version, steps) values (${org.id}, ${policy!.id}, 1, '[]') returning id`;
    const [action] = await tx<{ id: string }[]>`
      insert into dunning_actions (org_id, case_id, debtor_id, policy_version_id, step_index, level, channel, planned_for)
      values (${org.id}, ${caseId!}, ${debtor!.id}, ${version!.id}, 0, 1, 'email', '2026-02-07') returning id`;
    await tx`insert into dunning_action_invoices (org_id, action_id, invoice_id, step_index, open_minor)
             select ${org.id}, ${action!.id}, id, 0, open_minor from invoices`;
    return { orgId: org.id, debtorId: debtor!.id };
  });
};

const recordedNumbers = (orgId: string) =>
  withTenant(db.sql, orgId, async (tx) => {
    const rows = await tx<{ number: string | null }[]>`
      select i.number from dunning_action_invoices x left join invoices i on i.id = x.invoice_id order by i.number`;
    return rows.map((r) => r.number);
  });

describe("recorded dunning rows follow their invoices and actions", () => {
  it("an invoice deleted on its own takes its recorded rows with it, and only those", async () => {
    const { orgId } = await buildRecordedAction();
    const other = await buildRecordedAction();
    await withTenant(db.sql, orgId, (tx) => tx`delete from invoices where number = 'F1'`);
    expect(await recordedNumbers(orgId)).toEqual(["F2"]);
    expect(await recordedNumbers(other.orgId)).toEqual(["F1", "F2"]);
  });

  it("a deleted debtor takes its actions and their recorded rows with it", async () => {
    const { orgId, debtorId } = await buildRecordedAction();
    await withTenant(db.sql, orgId, (tx) => tx`delete from debtors where id = ${debtorId}`);
    expect(await recordedNumbers(orgId)).toEqual([]);
    const [actions] = await withTenant(db.sql, orgId, (tx) => tx<{ n: number }[]>`select count(*)::int as n from dunning_actions`);
    expect(actions!.n).toBe(0);
  });

  it("a deleted action takes its recorded rows with it, and only those", async () => {
    const { orgId } = await buildRecordedAction();
    const other = await buildRecordedAction();
    await withTenant(db.sql, orgId, (tx) => tx`delete from dunning_actions`);
    expect(await recordedNumbers(orgId)).toEqual([]);
    expect(await recordedNumbers(other.orgId)).toEqual(["F1", "F2"]);
  });

  it("a deleted organization leaves no recorded row behind", async () => {
    const { orgId } = await buildRecordedAction();
    await db.sql`delete from organizations where id = ${orgId}`;
    const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from dunning_action_invoices where org_id = ${orgId}`;
    expect(left!.n).toBe(0);
  });

  it("pruning after a lost race drops only the actions left without rows, and names the (action, invoice) pairs kept", async () => {
    const { orgId } = await buildRecordedAction();
    const kept = await withTenant(db.sql, orgId, async (tx) => {
      const [full] = await tx<{ id: string }[]>`select id from dunning_actions`;
      const [empty] = await tx<{ id: string }[]>`
        insert into dunning_actions (org_id, case_id, debtor_id, policy_version_id, step_index, level, channel, planned_for)
        select org_id, case_id, debtor_id, policy_version_id, 1, 2, 'email', planned_for from dunning_actions returning id`;
      const pairs = await pruneEmptyDunningActions(tx, [full!.id, empty!.id]);
      const left = await tx<{ id: string }[]>`select id from dunning_actions`;
      const invoices = await tx<{ id: string }[]>`select id from invoices order by number`;
      return { pairs, left: left.map((a) => a.id), full: full!.id, invoices: invoices.map((i) => i.id) };
    });
    expect(kept.left).toEqual([kept.full]);
    expect([...kept.pairs].sort()).toEqual(kept.invoices.map((id) => `${kept.full}:${id}`).sort());
  });
});
