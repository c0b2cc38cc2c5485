import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_TABLES } from "./default-rate-tables.ts";
import { parseRateTables, paymentOrderFeeOn, rateInForceOn, recoveryIndemnityOn } from "./rate-tables.ts";

const rate = (kind: "ecb_refinancing" | "fr_legal_rate_individual" | "fr_legal_rate_other" | "ch_default_interest", date: string) =>
  rateInForceOn(DEFAULT_RATE_TABLES[kind], date).ratePercent;

describe("default rate tables (FACTS.md)", () => {
  it("are valid tables", () => {
    expect(parseRateTables(DEFAULT_RATE_TABLES)).toEqual(DEFAULT_RATE_TABLES);
  });

  it("give the ECB rates of FACTS §1 for each half-year of 2025", () => {
    expect(rate("ecb_refinancing", "2025-01-01")).toBe("3.15"); // H1 2025 → 13.15 % penalties
    expect(rate("ecb_refinancing", "2025-07-01")).toBe("2.15"); // H2 2025 → 12.15 %
    expect(rate("ecb_refinancing", "2026-01-01")).toBe("2.15"); // held
  });

  it("give the legal rates of FACTS §2, and none for H2 2025, which is unverified", () => {
    expect([rate("fr_legal_rate_individual", "2025-01-01"), rate("fr_legal_rate_other", "2025-06-30")]).toEqual(["7.21", "3.71"]);
    expect([rate("fr_legal_rate_individual", "2026-01-01"), rate("fr_legal_rate_other", "2026-06-30")]).toEqual(["6.67", "2.62"]);
    expect(() => rate("fr_legal_rate_individual", "2025-07-01")).toThrow(/fr_legal_rate_individual/);
    expect(() => rate("fr_legal_rate_other", "2026-07-01")).toThrow(/fr_legal_rate_other/);
  });

  it("give 5 % in Switzerland, €40 in France and the 2022 payment-order fees", () => {
    expect(rate("ch_default_interest", "1999-12-31")).toBe("5");
    expect(recoveryIndemnityOn(DEFAULT_RATE_TABLES.fr_recovery_indemnity, "2013-01-01")).toEqual({ amountMinor: 4_000, currency: "EUR" });
    // FACTS §6: CHF 1 000–10 000 → 60, typically 73.30 with postage
    expect(paymentOrderFeeOn(DEFAULT_RATE_TABLES.ch_payment_order_fee, "2022-01-01", 250_000)).toEqual({ upToMinor: 1_000_000, feeMinor: 6_000, typicalWithPostageMinor: 7_330, currency: "CHF" });
  });
});
