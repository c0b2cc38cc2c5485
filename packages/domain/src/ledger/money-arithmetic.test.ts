import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { CURRENCIES, type Money } from "../money.ts";
import { CurrencyMismatchError } from "./ledger-errors.ts";
import { addMoney, negateMoney, subtractMoney, sumByCurrency, sumMoney } from "./money-arithmetic.ts";

const eur = (amountMinor: number): Money => ({ amountMinor, currency: "EUR" });
const chf = (amountMinor: number): Money => ({ amountMinor, currency: "CHF" });

describe("money arithmetic", () => {
  it("adds and subtracts in one currency", () => {
    expect(addMoney(eur(1050), eur(-50))).toEqual(eur(1000));
    expect(subtractMoney(chf(1000), chf(1234))).toEqual(chf(-234));
    expect(Object.is(subtractMoney(eur(5), eur(5)).amountMinor, 0)).toBe(true);
    expect(Object.is(negateMoney(eur(0)).amountMinor, 0)).toBe(true);
  });

  it("refuses to mix currencies with a BAD_REQUEST CurrencyMismatchError", () => {
    const attempt = () => addMoney(eur(1), chf(1));
    expect(attempt).toThrow(CurrencyMismatchError);
    expect(attempt).toThrow("Cannot combine amounts in EUR and CHF");
    try {
      sumMoney([eur(1), eur(2), chf(3)]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("BAD_REQUEST");
    }
  });

  it("refuses results beyond the safe-integer range and fractional minor units", () => {
    expect(() => addMoney(eur(Number.MAX_SAFE_INTEGER), eur(1))).toThrow(/within range/);
    expect(() => addMoney(eur(0.5), eur(1))).toThrow(/whole number/);
  });

  it("sums a list, needing a currency only when it is empty", () => {
    expect(sumMoney([eur(100), eur(250), eur(-50)])).toEqual(eur(300));
    expect(sumMoney([], "CHF")).toEqual(chf(0));
    expect(() => sumMoney([])).toThrow(/empty list/);
    expect(() => sumMoney([eur(1)], "CHF")).toThrow(CurrencyMismatchError);
  });

  it("totals per currency", () => {
    expect(sumByCurrency([eur(100), chf(7), eur(-30), chf(3)])).toEqual({ EUR: eur(70), CHF: chf(10) });
    expect(sumByCurrency([])).toEqual({});
  });

  it("totals per currency equal the sum of their parts (property)", () => {
    const item = fc.record({
      amountMinor: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      currency: fc.constantFrom(...CURRENCIES),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (list) => {
        const totals = sumByCurrency(list);
        for (const currency of CURRENCIES) {
          const parts = list.filter((m) => m.currency === currency);
          const expected = parts.reduce((sum, m) => sum + m.amountMinor, 0);
          if (parts.length === 0) expect(totals[currency]).toBeUndefined();
          else expect(totals[currency]).toEqual({ amountMinor: expected === 0 ? 0 : expected, currency });
        }
        const grand = CURRENCIES.reduce((sum, c) => sum + (totals[c]?.amountMinor ?? 0), 0);
        expect(grand).toBe(list.reduce((sum, m) => sum + m.amountMinor, 0));
      }),
    );
  });
});
