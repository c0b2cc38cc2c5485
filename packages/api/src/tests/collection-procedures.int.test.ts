import { withTenant, type Database } from "@relance/db";
import { planDunning, type ServiceDeps } from "@relance/services";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase, signInMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../errors.ts";
import { createRequester, expectCode } from "./request-context.ts";

let db: Database;
let deps: ServiceDeps;
let requestAs: ReturnType<typeof createRequester>;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, new Date("2026-03-02T09:00:00Z")));
  requestAs = createRequester(deps);
});
afterAll(async () => db.close());

describe("collection procedures", () => {
  it("save sender details for admins, naming a bad IBAN at its field; members only read them", async () => {
    const org = await buildOrg(deps, { name: "Acme" });
    const { api } = await requestAs(await signInMember(deps, await buildMember(deps, org, "admin")));
    const error = await expectCode(api.senderDetails.save({ legalName: "Acme SAS", iban: "FR76 3000 6000 0112 3456 7890 180" }), "BAD_REQUEST");
    expect(describeError(error, null).data.fields).toEqual([{ path: "iban", message: "Not a valid IBAN (check digits)" }]);
    expect(await api.senderDetails.save({ legalName: "Acme SAS", iban: "FR76 3000 6000 0112 3456 7890 189" })).toMatchObject({ legalName: "Acme SAS", iban: "FR7630006000011234567890189" });
    const { api: sales } = await requestAs(await signInMember(deps, await buildMember(deps, org, "sales")));
    expect((await sales.senderDetails.get()).legalName).toBe("Acme SAS");
    await expectCode(sales.senderDetails.save({ legalName: "Nope" }), "FORBIDDEN");
  });

  it("send an action now once, list it in the outbox, and answer another tenant's action as not found", async () => {
    const org = await buildOrg(deps);
    const debtorId = await addDebtor(deps, org, { name: "Négoce SARL" });
    await withTenant(db.sql, org.id, (tx) => tx`update debtors set email = 'compta@negoce.example' where id = ${debtorId}`);
    await addInvoices(deps, org, debtorId, [{ number: "F-1", dueDate: "2026-02-20", amountMinor: 10_000 }]);
    const [action] = (await planDunning(deps, org.id, { asOf: "2026-03-02" })).actions;
    const { api } = await requestAs(await signInMember(deps, await buildMember(deps, org, "credit_manager")));
    const sent = await api.worklist.sendNow({ actionId: action!.actionId });
    expect(sent).toMatchObject({ status: "sent", error: null });
    await expectCode(api.worklist.sendNow({ actionId: action!.actionId }), "PRECONDITION_FAILED");
    const outbox = await api.outbox.list({});
    expect(outbox.rows.map((r) => [r.id, r.status, r.debtorName])).toEqual([[sent.outboxId, "recorded", "Négoce SARL"]]);
    expect((await api.outbox.get({ id: sent.outboxId })).body).toContain("F-1");

    const { api: stranger } = await requestAs(await signInMember(deps, await buildMember(deps, await buildOrg(deps), "admin")));
    await expectCode(stranger.worklist.sendNow({ actionId: action!.actionId }), "NOT_FOUND");
    await expectCode(stranger.outbox.get({ id: sent.outboxId }), "NOT_FOUND");
  });

  it("save a policy version for admins and list the member's alerts", async () => {
    const org = await buildOrg(deps);
    const { api } = await requestAs(await signInMember(deps, await buildMember(deps, org, "admin")));
    const [policy] = (await api.collectionSettings.policies()).filter((p) => p.segment === "ch");
    const saved = await api.collectionSettings.savePolicy({ segment: "ch", name: policy!.name, steps: policy!.steps.slice(0, 2), thankYouOnPayment: true });
    expect(saved.version).toBe(2);
    const error = await expectCode(api.collectionSettings.saveRateTable({ kind: "ecb_refinancing", entries: [{ validFrom: "2026-01-01", ratePercent: "x" }] }), "BAD_REQUEST");
    expect(describeError(error, null).data.fields.map((f) => f.path)).toEqual(["entries.0.ratePercent"]);
    expect(await api.alerts.list({})).toEqual({ alerts: [], unread: 0 });
  });
});
