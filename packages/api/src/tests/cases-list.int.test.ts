import { withTenant, type Database } from "@relance/db";
import { bringIntoCase, listReasons, openDispute, type ServiceDeps } from "@relance/services";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase, signInMember, type TestMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequester, expectCode } from "./request-context.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const callerFor = async (member: TestMember) => (await createRequester(deps)(await signInMember(deps, member))).api;

describe("cases list", () => {
  it("pages by debtor name, searches, shows open disputes and keeps a sales rep to his cases", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager", { displayName: "Sophie Crédit" });
    const rep = await buildMember(deps, org, "sales");
    const names = Array.from({ length: 53 }, (_, i) => `Client ${String(i).padStart(2, "0")}`);
    const built = [];
    for (const name of names) built.push(await buildCase(deps, org, { name }));
    await withTenant(db.sql, org.id, (tx) => tx`update cases set assignee_id = ${cm.userId}`);
    const disputed = built[52]!;
    const [invoice] = await withTenant(db.sql, org.id, (tx) => tx<{ id: string }[]>`select id from invoices where debtor_id = ${disputed.debtorId}`);
    await openDispute(deps, cm, { caseId: disputed.caseId, invoiceIds: [invoice!.id], reasonId: (await listReasons(deps, cm))[0]!.id });
    await withTenant(db.sql, org.id, (tx) => bringIntoCase(tx, cm, { caseId: disputed.caseId, userIds: [rep.userId], reason: "mention" }));

    const api = await callerFor(cm);
    const first = await api.receivables.cases();
    expect([first.total, first.pageSize, first.rows.length]).toEqual([53, 50, 50]);
    expect(first.rows[0]).toMatchObject({ debtorName: "Client 00", assigneeName: "Sophie Crédit", openDisputes: 0, broughtIn: false });
    expect((await api.receivables.cases({ page: 1 })).rows.map((r) => r.debtorName)).toEqual(["Client 50", "Client 51", "Client 52"]);
    expect((await api.receivables.cases({ search: "nt 5" })).rows.map((r) => r.debtorName)).toEqual(["Client 50", "Client 51", "Client 52"]);
    expect((await api.receivables.cases({ disputedOnly: true })).rows).toMatchObject([{ id: disputed.caseId, openDisputes: 1 }]);
    await expectCode(api.receivables.cases({ page: -1 }), "BAD_REQUEST");

    const asRep = await callerFor(rep);
    expect((await asRep.receivables.cases()).rows).toMatchObject([{ id: disputed.caseId, broughtIn: true, openDisputes: 1 }]);
    expect((await asRep.receivables.cases({ search: "Client 00" })).total).toBe(0);
  });
});
