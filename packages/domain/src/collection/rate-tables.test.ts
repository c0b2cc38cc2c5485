import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { DEFAULT_RATE_TABLES } from "./default-rate-tables.ts";
import {
  parseRateTable, parseRateTables, paymentOrderFeeOn, rateInForceOn, recoveryIndemnityOn, type RateTable,
} from "./rate-tables.ts";

const ecb = DEFAULT_RATE_TABLES.ecb_refinancing;

const failureOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
};

describe("rate tables", () => {
  it("finds the rate in force on a date", () => {
    expect(rateInForceOn(ecb, "2024-12-18").ratePercent).toBe("3.15");
    expect(rateInForceOn(ecb, "2025-06-10").ratePercent).toBe("2.40"); // 23 April entry; 11 June not yet
    expect(rateInForceOn(ecb, "2025-06-11").ratePercent).toBe("2.15");
  });

  it("names the table when no rate applies", () => {
    const early = failureOf(() => rateInForceOn(ecb, "2024-07-01"));
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toBe('No entry of table "ecb_refinancing" is in force on 2024-07-01 (its first entry starts 2024-12-18)');
    const ended: RateTable = { kind: "fr_legal_rate_other", entries: [{ validFrom: "2025-01-01", validTo: "2025-06-30", ratePercent: "3.71" }] };
    expect(() => rateInForceOn(ended, "2025-07-01")).toThrow(
      'No entry of table "fr_legal_rate_other" is in force on 2025-07-01 (the entry from 2025-01-01 ended 2025-06-30; add the next one)',
    );
    expect(() => rateInForceOn({ kind: "ch_default_interest", entries: [] }, "2025-07-01")).toThrow(/\(the table is empty\)/);
  });

  it("refuses bad data naming the field", () => {
    const bad = (entries: unknown[]) => failureOf(() => parseRateTable({ kind: "ecb_refinancing", entries }));
    const ok = { validFrom: "2025-01-01", ratePercent: "3.15" };
    const notADate = bad([ok, { validFrom: "2025-02-01", ratePercent: "3" }, { validFrom: "2025-03-01", ratePercent: "3" }, { validFrom: "2025-02-30", ratePercent: "3" }]);
    expect(notADate.code).toBe("BAD_REQUEST");
    expect(notADate.details.fields).toContainEqual({ path: "entries.3.validFrom", message: "not a date" });
    expect(notADate.message).toContain("entries.3.validFrom: not a date");

    const unordered = bad([ok, { validFrom: "2025-03-01", ratePercent: "3" }, { validFrom: "2025-02-01", ratePercent: "3" }]);
    expect(unordered.details.fields).toEqual([{ path: "entries.2", message: "dates must increase" }]);

    expect(bad([{ validFrom: "2025-01-01", ratePercent: "100.5" }]).details.fields).toEqual([{ path: "entries.0.ratePercent", message: "must be between 0 and 100" }]);
    expect(bad([{ validFrom: "2025-01-01", ratePercent: 3.15 }]).message).toContain("entries.0.ratePercent:");
    expect(bad([]).details.fields).toEqual([{ path: "entries", message: "needs at least one entry" }]);
    expect(bad([{ validFrom: "2025-07-01", validTo: "2025-06-30", ratePercent: "1" }]).details.fields).toEqual([
      { path: "entries.0.validTo", message: "must be on or after validFrom" },
    ]);
    expect(bad([{ validFrom: "2025-01-01", validTo: "2025-07-01", ratePercent: "1" }, { validFrom: "2025-07-01", ratePercent: "2" }]).details.fields).toEqual([
      { path: "entries.0.validTo", message: "must end before the next entry starts (2025-07-01)" },
    ]);
    expect(failureOf(() => parseRateTable({ kind: "libor", entries: [ok] })).details.fields).toEqual([{ path: "kind", message: "unknown rate table" }]);
  });

  it("refuses a bundle with a table in the wrong slot or bad fee brackets", () => {
    const swapped = { ...DEFAULT_RATE_TABLES, ecb_refinancing: DEFAULT_RATE_TABLES.ch_default_interest };
    expect(failureOf(() => parseRateTables(swapped)).details.fields).toEqual([{ path: "ecb_refinancing.kind", message: "must be the ecb_refinancing table" }]);
    const fee = DEFAULT_RATE_TABLES.ch_payment_order_fee;
    const unbounded = { ...fee, entries: [{ ...fee.entries[0]!, brackets: [{ upToMinor: 100, feeMinor: 1 }] }] };
    expect(failureOf(() => parseRateTables({ ...DEFAULT_RATE_TABLES, ch_payment_order_fee: unbounded })).details.fields).toEqual([
      { path: "ch_payment_order_fee.entries.0.brackets.0.upToMinor", message: "the last bracket must have no upper bound" },
    ]);
  });

  it("looks up the €40 indemnity and the payment-order fee by date", () => {
    expect(recoveryIndemnityOn(DEFAULT_RATE_TABLES.fr_recovery_indemnity, "2025-07-01")).toEqual({ amountMinor: 4_000, currency: "EUR" });
    expect(() => recoveryIndemnityOn(DEFAULT_RATE_TABLES.fr_recovery_indemnity, "2012-12-31")).toThrow(/fr_recovery_indemnity/);
    const fee = (claimMinor: number) => paymentOrderFeeOn(DEFAULT_RATE_TABLES.ch_payment_order_fee, "2025-03-01", claimMinor).feeMinor;
    expect(fee(10_000)).toBe(700); // CHF 100.00: first bracket (≤ 100)
    expect(fee(10_001)).toBe(2_000); // CHF 100.01: 100–500
    expect(fee(500_000)).toBe(6_000); // CHF 5 000: 1 000–10 000
    expect(fee(100_000_001)).toBe(40_000); // above CHF 1 000 000
    expect(() => paymentOrderFeeOn(DEFAULT_RATE_TABLES.ch_payment_order_fee, "2021-12-31", 1)).toThrow(/ch_payment_order_fee/);
  });

  it("keeps a custom table's entries as given", () => {
    const table: RateTable = { kind: "ch_default_interest", entries: [{ validFrom: "2000-01-01", ratePercent: "5" }, { validFrom: "2030-01-01", ratePercent: "4.5" }] };
    expect(rateInForceOn(table, "2029-12-31").ratePercent).toBe("5");
    expect(rateInForceOn(table, "2030-01-01").ratePercent).toBe("4.5");
  });
});
