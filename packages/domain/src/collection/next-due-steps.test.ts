import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES } from "./default-dunning-policies.ts";
import { consolidateByDebtor, nextDueSteps, sentStepKey, type DunningInvoice } from "./next-due-steps.ts";

const [b2b, b2c] = DEFAULT_POLICIES as [(typeof DEFAULT_POLICIES)[0], (typeof DEFAULT_POLICIES)[0]];
// B2B FR steps: 0 = −3 courtesy, 1 = +7 reminder 1, 2 = +21 reminder 2, 3 = +35 formal notice, 4 = +50 call

const invoice = (id: string, overrides: Partial<DunningInvoice> = {}): DunningInvoice => ({
  id, debtorId: "d1", currency: "EUR", dueDate: "2025-06-01", openMinor: 10_000, disputed: false, promiseUntil: null, ...overrides,
});

const ASOF = "2025-06-25"; // due 1 June: −3 → 29 May, +7 → 8 June, +21 → 22 June are due; +35 → 6 July is not

describe("next due steps", () => {
  it("sends only the highest due step and records the unsent earlier ones as skipped", () => {
    const { due } = nextDueSteps(b2b, [invoice("A")], new Set(), ASOF);
    expect(due.map((d) => [d.invoice.id, d.stepIndex, d.dueOn, d.skippedStepIndexes])).toEqual([["A", 2, "2025-06-22", [0, 1]]]);
    expect(due[0]!.step.templateKey).toBe("reminder_2");
  });

  it("skips only what lies above the last step sent, and sends nothing once the highest due step was sent", () => {
    const sent = new Set([sentStepKey("B", 0), sentStepKey("B", 1), sentStepKey("C", 2), sentStepKey("D", 0)]);
    const { due } = nextDueSteps(b2b, [invoice("B"), invoice("C"), invoice("D")], sent, ASOF);
    expect(due.map((d) => [d.invoice.id, d.stepIndex, d.skippedStepIndexes])).toEqual([["B", 2, []], ["D", 2, [1]]]);
  });

  it("starts with the courtesy reminder 3 days before the due date, on that day exactly", () => {
    // due 28 June − 3 = 25 June = asOf; due 1 July − 3 = 28 June > asOf
    const { due } = nextDueSteps(b2b, [invoice("F", { dueDate: "2025-06-28" }), invoice("E", { dueDate: "2025-07-01" })], new Set(), ASOF);
    expect(due.map((d) => [d.invoice.id, d.stepIndex])).toEqual([["F", 0]]);
  });

  it("holds settled, disputed and promised invoices, a promise until its last day included", () => {
    const invoices = [
      invoice("paid", { openMinor: 0 }),
      invoice("disputed", { disputed: true }),
      invoice("promised", { promiseUntil: "2025-06-25" }),
      invoice("promise-over", { promiseUntil: "2025-06-24" }),
    ];
    const { due, held } = nextDueSteps(b2b, invoices, new Set(), ASOF);
    expect(held).toEqual([
      { invoiceId: "paid", reason: "settled" },
      { invoiceId: "disputed", reason: "disputed" },
      { invoiceId: "promised", reason: "promise" },
    ]);
    expect(due.map((d) => d.invoice.id)).toEqual(["promise-over"]);
  });
});

describe("consolidate by debtor", () => {
  it("sends one reminder per debtor at the highest level, listing every due invoice", () => {
    const invoices = [
      invoice("F", { dueDate: "2025-06-28", openMinor: 5_000 }), // courtesy, level 1
      invoice("A", { openMinor: 10_000 }), // reminder 2, level 3
      invoice("CH", { currency: "CHF", openMinor: 7_000 }),
      invoice("Z", { debtorId: "d2", dueDate: "2025-06-10" }), // +7 → 17 June: reminder 1, level 2
    ];
    const reminders = consolidateByDebtor(nextDueSteps(b2b, invoices, new Set(), ASOF).due);
    expect(reminders.map((r) => ({ debtor: r.debtorId, level: r.level, step: r.stepIndex, template: r.step.templateKey, channel: r.step.channel, items: r.items.map((i) => i.invoice.id) }))).toEqual([
      { debtor: "d1", level: 3, step: 2, template: "reminder_2", channel: "letter", items: ["A", "CH", "F"] },
      { debtor: "d2", level: 2, step: 1, template: "reminder_1", channel: "email", items: ["Z"] },
    ]);
    // 50.00 + 100.00 EUR; 70.00 CHF
    expect(reminders[0]!.totals).toEqual([{ amountMinor: 15_000, currency: "EUR" }, { amountMinor: 7_000, currency: "CHF" }]);
  });

  it("breaks a level tie by the later step", () => {
    // B2C: step 1 (+10 email) and step 2 (+14 SMS) are both level 2
    const invoices = [invoice("old", { dueDate: "2025-06-10" }), invoice("new", { dueDate: "2025-06-14" })];
    const reminders = consolidateByDebtor(nextDueSteps(b2c, invoices, new Set(), "2025-06-24").due);
    // old: +14 → 24 June due → step 2; new: +10 → 24 June due → step 1
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ stepIndex: 2, level: 2, step: { channel: "sms" } });
  });
});
