import type { Database } from "@relance/db";
import { withTenant } from "@relance/db";
import { AppError, DEFAULT_POLICIES, nextDueSteps, sentStepKey, type DunningInvoice } from "@relance/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "../deps.ts";
import { ensureDefaultPolicies, savePolicyVersion } from "../collection/dunning-policies.ts";
import { planDunning } from "../collection/plan-dunning.ts";
import { addDebtor, addInvoices, buildDeps, buildMember, buildOrg, openTestDatabase } from "../testing/index.ts";
import { openMissingDunningCases, stageDueDebtors, WHOLE_BOOK } from "@relance/db";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db));
});
afterAll(async () => db.close());

const AS_OF = "2026-03-02";

describe("planDunning", () => {
  it("plans once: the second run plans nothing, and a dry run writes nothing", async () => {
    const org = await buildOrg(deps);
    const debtor = await addDebtor(deps, org, { name: "Lilas SA" });
    await addInvoices(deps, org, debtor, [
      { number: "A-1", dueDate: "2026-02-20", amountMinor: 10_000 }, // +10 days: reminder_1 (level 2)
      { number: "A-2", dueDate: "2026-01-20", amountMinor: 20_000 }, // +41 days: formal notice (level 4, penalties)
    ]);
    const dry = await planDunning(deps, org.id, { asOf: AS_OF, dryRun: true });
    expect(dry.actions).toHaveLength(1);
    const first = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(first.actions).toHaveLength(1);
    const action = first.actions[0]!;
    expect(action).toMatchObject({ debtorName: "Lilas SA", stepIndex: 3, level: 4, channel: "letter" });
    expect(action.invoices.map((i) => i.number)).toEqual(["A-2", "A-1"]);
    expect(action.invoices[0]!.interestMinor).toBeGreaterThan(0);
    expect(action.invoices[0]!.indemnityMinor).toBe(4_000);
    const second = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(second.actions).toHaveLength(0);
    expect(second.skipped.already_sent).toBe(2);
  });

  it("two concurrent runs record each invoice step once", async () => {
    const org = await buildOrg(deps);
    for (let d = 0; d < 5; d++) {
      const debtor = await addDebtor(deps, org);
      await addInvoices(deps, org, debtor, [{ number: `C-${d}-1`, dueDate: "2026-02-10", amountMinor: 5_000 }, { number: `C-${d}-2`, dueDate: "2026-02-25", amountMinor: 5_000 }]);
    }
    const [a, b] = await Promise.all([planDunning(deps, org.id, { asOf: AS_OF }), planDunning(deps, org.id, { asOf: AS_OF })]);
    expect(a.actions.length + b.actions.length).toBe(5);
    const rows = await withTenant(db.sql, org.id, (tx) => tx<{ n: number; a: number }[]>`
      select count(*)::int as n, count(distinct action_id)::int as a from dunning_action_invoices`);
    expect(rows[0]).toEqual({ n: 10, a: 5 });
  });

  it("skips debtors on hold and invoices under a live promise", async () => {
    const org = await buildOrg(deps);
    const held = await addDebtor(deps, org);
    const promised = await addDebtor(deps, org);
    await addInvoices(deps, org, held, [{ number: "H-1", dueDate: "2026-02-10", amountMinor: 5_000 }]);
    await addInvoices(deps, org, promised, [{ number: "P-1", dueDate: "2026-02-10", amountMinor: 5_000 }]);
    await withTenant(db.sql, org.id, (tx) => tx`update debtors set on_hold = true where id = ${held}`);
    await planDunning(deps, org.id, { asOf: "2026-02-01" }); // opens nothing yet (nothing due)
    await ensureDefaultPolicies(deps, org.id);
    // open the case, then promise
    await withTenant(db.sql, org.id, async (tx) => {
      const [version] = await tx<{ id: string }[]>`select v.id from dunning_policy_versions v join dunning_policies p on p.id = v.policy_id where p.segment = 'b2b_fr'`;
      const [c] = await tx<{ id: string }[]>`insert into cases (org_id, debtor_id, policy_version_id) values (${org.id}, ${promised}, ${version!.id}) returning id`;
      await tx`insert into promises (org_id, case_id, debtor_id, amount_minor, currency, promised_for, channel) values (${org.id}, ${c!.id}, ${promised}, 5000, 'EUR', '2026-03-05', 'phone')`;
    });
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions).toHaveLength(0);
    expect(plan.skipped).toMatchObject({ on_hold: 1, promise: 1 });
    const after = await planDunning(deps, org.id, { asOf: "2026-03-06" });
    expect(after.actions.map((a) => a.debtorId)).toEqual([promised]);
  });

  it("keeps an open case on its policy version when a new version is saved", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    const debtor = await addDebtor(deps, org);
    await addInvoices(deps, org, debtor, [{ number: "V-1", dueDate: "2026-02-25", amountMinor: 5_000 }]);
    const first = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(first.actions[0]).toMatchObject({ stepIndex: 0, level: 1 });
    const saved = await savePolicyVersion(deps, admin, "b2b_fr", [{ offsetDays: 1, channel: "sms", templateKey: "reminder_sms", level: 9, addPenalties: false }]);
    expect(saved.version).toBe(2);
    const later = await planDunning(deps, org.id, { asOf: "2026-03-05" }); // +8 days: v1 step 1 (reminder_1), not the v2 sms
    expect(later.actions[0]).toMatchObject({ stepIndex: 1, level: 2, channel: "email" });
  });

  it("refuses an invalid policy naming the field, and saves nothing", async () => {
    const org = await buildOrg(deps);
    const admin = await buildMember(deps, org, "admin");
    await ensureDefaultPolicies(deps, org.id);
    const error = await savePolicyVersion(deps, admin, "b2b_fr", [
      { offsetDays: 5, channel: "email", templateKey: "reminder_1", level: 2, addPenalties: false },
      { offsetDays: 3, channel: "email", templateKey: "reminder_1", level: 2, addPenalties: false },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    expect((error as AppError).message).toContain("steps.1.offsetDays");
    const [row] = await withTenant(db.sql, org.id, (tx) => tx<{ n: number }[]>`select count(*)::int as n from dunning_policy_versions`);
    expect(row!.n).toBe(3);
  });

  it("consolidates a debtor's invoices in one action at the highest level", async () => {
    const org = await buildOrg(deps);
    const debtor = await addDebtor(deps, org);
    await addInvoices(deps, org, debtor, [
      { number: "K-1", dueDate: "2026-03-04", amountMinor: 1_000 }, // courtesy (level 1)
      { number: "K-2", dueDate: "2026-02-05", amountMinor: 2_000 }, // +25: reminder_2 (level 3)
    ]);
    const plan = await planDunning(deps, org.id, { asOf: AS_OF });
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ level: 3, channel: "letter", stepIndex: 2 });
    expect(plan.actions[0]!.invoices.map((i) => i.number)).toEqual(["K-2", "K-1"]);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

describe("SQL step choice equals the domain's nextDueSteps", () => {
  it("on random invoices over several as-of dates", async () => {
    const next = random(42);
    const org = await buildOrg(deps);
    const policy = DEFAULT_POLICIES.find((p) => p.segment === "b2b_fr")!;
    const invoices: { id: string; debtorId: string; dueDate: string; openMinor: number }[] = [];
    for (let d = 0; d < 20; d++) {
      const debtor = await addDebtor(deps, org);
      const specs = Array.from({ length: 15 }, (_, k) => {
        const offset = Math.floor(next() * 120) - 20;
        const date = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        return { number: `R-${d}-${k}`, dueDate: date, amountMinor: 1_000 + Math.floor(next() * 50_000), openMinor: next() < 0.1 ? 0 : undefined };
      });
      const ids = await addInvoices(deps, org, debtor, specs);
      for (const s of specs) invoices.push({ id: ids[s.number]!, debtorId: debtor, dueDate: s.dueDate, openMinor: s.openMinor ?? s.amountMinor });
    }
    for (const asOf of ["2026-01-05", "2026-01-20", "2026-02-03", "2026-02-17", "2026-03-10", "2026-04-30"]) {
      const sent = await withTenant(db.sql, org.id, async (tx) => {
        const rows = await tx<{ invoiceId: string; stepIndex: number }[]>`select invoice_id as "invoiceId", step_index as "stepIndex" from dunning_action_invoices`;
        return new Set(rows.map((r) => sentStepKey(r.invoiceId, r.stepIndex)));
      });
      await ensureDefaultPolicies(deps, org.id);
      const domain = nextDueSteps(policy, invoices.map((i): DunningInvoice => ({ ...i, currency: "EUR", disputed: false, promiseUntil: null })), sent, asOf);
      const plan = await planDunning(deps, org.id, { asOf, dryRun: true });
      const fromSql = await withTenant(db.sql, org.id, async (tx) => {
        await openMissingDunningCases(tx, org.id, asOf, WHOLE_BOOK);
        return stageDueDebtors(tx, asOf, WHOLE_BOOK);
      });
      const expected = new Map(domain.due.map((d) => [d.invoice.id, d.stepIndex]));
      expect(new Map(fromSql.debtors.flatMap((d) => d.invoices.map((i) => [i.invoiceId, i.stepIndex])))).toEqual(expected);
      expect(plan.actions.flatMap((a) => a.invoices).length).toBe(expected.size);
      await planDunning(deps, org.id, { asOf }); // record, so the next date builds on sent steps
    }
  });
});

describe("planning partitions", () => {
  it("split the debtors in parts that neither overlap nor miss any, each with the same steps as the whole book", async () => {
    const org = await buildOrg(deps);
    for (let d = 0; d < 24; d++) {
      const debtor = await addDebtor(deps, org);
      await addInvoices(deps, org, debtor, [{ number: `P-${d}-1`, dueDate: "2026-02-10", amountMinor: 5_000 }, { number: `P-${d}-2`, dueDate: "2026-01-10", amountMinor: 7_000 }]);
    }
    await ensureDefaultPolicies(deps, org.id);
    const stage = (partition: { index: number; count: number }) =>
      withTenant(db.sql, org.id, async (tx) => {
        await openMissingDunningCases(tx, org.id, AS_OF, WHOLE_BOOK);
        const { debtors } = await stageDueDebtors(tx, AS_OF, partition);
        return debtors.map((d) => `${d.debtorId}:${d.stepIndex}:${d.invoices.map((i) => `${i.number}@${i.stepIndex}`).join(",")}`);
      });
    const whole = await stage(WHOLE_BOOK);
    expect(whole).toHaveLength(24);
    const parts = await Promise.all([0, 1, 2].map((index) => stage({ index, count: 3 })));
    expect(parts.filter((part) => part.length > 0).length).toBeGreaterThan(1);
    expect(parts.flat().sort()).toEqual([...whole].sort());
  });
});
