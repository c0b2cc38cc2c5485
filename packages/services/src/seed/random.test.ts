import { describe, expect, it } from "vitest";
import { DEMO_ORGS, generateDemoLedger } from "./demo-data.ts";
import { createRandom, fakeSiren, fakeSwissUid } from "./random.ts";

const luhnValid = (digits: string) =>
  [...digits].reverse().reduce((sum, ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    return sum + (d > 9 ? d - 9 : d);
  }, 0) % 10 === 0;

describe("demo identifiers", () => {
  it("generates SIRENs that pass the Luhn check", () => {
    const random = createRandom(1);
    for (let i = 0; i < 200; i++) expect(luhnValid(fakeSiren(random))).toBe(true);
  });

  it("generates Swiss UIDs with a valid mod-11 check digit", () => {
    const random = createRandom(2);
    const weights = [5, 4, 3, 2, 7, 6, 5, 4];
    for (let i = 0; i < 200; i++) {
      const uid = fakeSwissUid(random);
      expect(uid).toMatch(/^CHE-\d{3}\.\d{3}\.\d{3}$/);
      const digits = uid.replace(/\D/g, "").split("").map(Number);
      const rest = digits.slice(0, 8).reduce((acc, d, k) => acc + d * weights[k]!, 0) % 11;
      expect(digits[8]).toBe(rest === 0 ? 0 : 11 - rest);
    }
  });

  it("builds the same ledger for the same day, with due dates after issue and open ≤ amount", () => {
    const a = generateDemoLedger(DEMO_ORGS[0]!, "2026-11-22");
    expect(generateDemoLedger(DEMO_ORGS[0]!, "2026-11-22")).toEqual(a);
    expect(a.debtors).toHaveLength(320);
    for (const inv of a.invoices) {
      expect(inv.dueDate >= inv.issueDate).toBe(true);
      expect(inv.openMinor).toBeLessThanOrEqual(inv.amountMinor);
      expect(Number.isSafeInteger(inv.amountMinor)).toBe(true);
    }
    expect(new Set(a.invoices.map((i) => i.currency))).toEqual(new Set(["EUR", "CHF"]));
  });
});
