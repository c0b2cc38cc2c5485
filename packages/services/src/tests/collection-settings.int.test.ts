import { withTenant, type Database } from "@relance/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { loadRateTables } from "../collection/dunning-policies.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { listDunningPolicies, listPolicyHistory, saveDunningPolicy } from "../collection/policy-editor.ts";
import { listEditableRateTables, saveRateTable } from "../collection/rate-table-editor.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { caught, fieldPaths } from "./cases-fixtures.ts";

let db: Database;
let deps: ServiceDeps;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => {
  await db.close();
});

describe("dunning policy editing", () => {
  it("saves an added step as a new version; an open case keeps the version it started under", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const debtorId = await addDebtor(deps, org);
    await addInvoices(deps, org, debtorId, [{ number: "V-1", dueDate: "2026-02-20", amountMinor: 10_000 }]);
    await planDunning(deps, org.id, { asOf: "2026-03-02" });
    const [b2b] = (await listDunningPolicies(deps, admin)).filter((p) => p.segment === "b2b_fr");
    expect(b2b).toMatchObject({ version: 1, thankYouOnPayment: false, casesOnOlderVersions: 0 });
    const steps = [...b2b!.steps, { offsetDays: 70, channel: "letter" as const, templateKey: "formal_notice_b2b_fr", level: 5, addPenalties: true }];
    const saved = await saveDunningPolicy(deps, admin, { segment: "b2b_fr", name: "France B2B", steps, thankYouOnPayment: true });
    expect(saved.version).toBe(2);
    const [after] = (await listDunningPolicies(deps, admin)).filter((p) => p.segment === "b2b_fr");
    expect(after).toMatchObject({ version: 2, thankYouOnPayment: true, casesOnOlderVersions: 1, createdByName: admin.displayName });
    expect(after!.steps).toHaveLength(6);
    const [caseRow] = await withTenant(db.sql, org.id, (tx) => tx<{ version: number }[]>`
      select v.version from cases c join dunning_policy_versions v on v.id = c.policy_version_id`);
    expect(caseRow!.version).toBe(1);
    const history = await listPolicyHistory(deps, admin, { segment: "b2b_fr" });
    expect(history.map((h) => [h.version, h.stepCount, h.openCases])).toEqual([[2, 6, 0], [1, 5, 1]]);
  });

  it("names each bad step and saves nothing; only admins edit", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const [ch] = (await listDunningPolicies(deps, admin)).filter((p) => p.segment === "ch");
    const steps = [...ch!.steps, { offsetDays: 30, channel: "email" as const, templateKey: "no_such_template", level: 1, addPenalties: false }];
    const error = await caught(saveDunningPolicy(deps, admin, { segment: "ch", name: "Switzerland", steps, thankYouOnPayment: false }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldPaths(error)).toEqual(["steps.4.level", "steps.4.offsetDays"]);
    const unknownTemplate = await caught(saveDunningPolicy(deps, admin, {
      segment: "ch", name: "Switzerland", steps: [...ch!.steps, { offsetDays: 90, channel: "email", templateKey: "no_such_template", level: 6, addPenalties: false }], thankYouOnPayment: false,
    }));
    expect(fieldPaths(unknownTemplate)).toEqual(["steps.4.templateKey"]);
    const manager = await buildMember(deps, org, "credit_manager");
    expect((await caught(saveDunningPolicy(deps, manager, { segment: "ch", name: "Switzerland", steps: ch!.steps, thankYouOnPayment: false }))).code).toBe("FORBIDDEN");
    expect((await listDunningPolicies(deps, admin)).find((p) => p.segment === "ch")!.version).toBe(1);
  });
});

describe("rate table editing", () => {
  it("replaces a table with the edited entries, which planning then uses", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const ecb = (await listEditableRateTables(deps, admin)).find((t) => t.kind === "ecb_refinancing")!;
    const entries = [...ecb.entries, { validFrom: "2026-02-01", ratePercent: "1.90", amountMinor: null, currency: null, source: "test" }];
    await saveRateTable(deps, admin, { kind: "ecb_refinancing", entries });
    const tables = await withTenant(db.sql, org.id, (tx) => loadRateTables(tx));
    expect(tables.ecb_refinancing.entries.at(-1)).toEqual({ validFrom: "2026-02-01", ratePercent: "1.9", source: "test" });
    const indemnity = await saveRateTable(deps, admin, { kind: "fr_recovery_indemnity", entries: [{ validFrom: "2013-01-01", amountMinor: 4_000, currency: "EUR" }, { validFrom: "2027-01-01", amountMinor: 5_000, currency: "EUR" }] });
    expect(indemnity.entries.map((e) => e.amountMinor)).toEqual([4_000, 5_000]);
  });

  it("names each bad row and field, changing nothing", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const before = (await listEditableRateTables(deps, admin)).find((t) => t.kind === "ch_default_interest")!;
    const error = await caught(saveRateTable(deps, admin, {
      kind: "ch_default_interest",
      entries: [{ validFrom: "1912-01-01", ratePercent: "5" }, { validFrom: "2026-13-01", ratePercent: "4" }, { validFrom: "2027-01-01", ratePercent: "abc" }],
    }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldPaths(error)).toEqual(["entries.1.validFrom", "entries.2.ratePercent"]);
    expect((await listEditableRateTables(deps, admin)).find((t) => t.kind === "ch_default_interest")).toEqual(before);
    const sales = await buildMember(deps, org, "sales");
    expect((await caught(saveRateTable(deps, sales, { kind: "ch_default_interest", entries: before.entries }))).code).toBe("FORBIDDEN");
  });
});
