import type { RateTables } from "./rate-tables.ts";

/**
 * Seed data from FACTS.md (§1, §2, §6, §8), to be copied into the editable tables of a tenant; code reads the
 * tables it is given, never this constant directly.
 */
export const DEFAULT_RATE_TABLES: RateTables = {
  // FACTS §1, https://retout.fr/?p=12408. Only the history FACTS lists: a late period in a half-year that starts
  // before 2024-12-18 needs the older rates added first (the lookup says so rather than guessing).
  ecb_refinancing: {
    kind: "ecb_refinancing",
    entries: [
      { validFrom: "2024-12-18", ratePercent: "3.15" },
      { validFrom: "2025-02-05", ratePercent: "2.90" },
      { validFrom: "2025-03-12", ratePercent: "2.65" },
      { validFrom: "2025-04-23", ratePercent: "2.40" },
      { validFrom: "2025-06-11", ratePercent: "2.15", source: "then held; MRO tender records https://apl.bsi.si/orodja/avkcije-en.asp" },
    ],
  },
  // FACTS §2. The legal rate is set per half-year, so each entry ends with its half-year. H2 2025 is [NV] in FACTS
  // and deliberately left out: a computation in H2 2025 fails naming this table until someone enters the rate.
  fr_legal_rate_individual: {
    kind: "fr_legal_rate_individual",
    entries: [
      { validFrom: "2025-01-01", validTo: "2025-06-30", ratePercent: "7.21" },
      { validFrom: "2026-01-01", validTo: "2026-06-30", ratePercent: "6.67", source: "https://juriblio.fr/arretes/arrete-du-15-decembre-2025/187383136" },
    ],
  },
  fr_legal_rate_other: {
    kind: "fr_legal_rate_other",
    entries: [
      { validFrom: "2025-01-01", validTo: "2025-06-30", ratePercent: "3.71" },
      { validFrom: "2026-01-01", validTo: "2026-06-30", ratePercent: "2.62", source: "https://juriblio.fr/arretes/arrete-du-15-decembre-2025/187383136" },
    ],
  },
  // FACTS §8: CO 104 al. 1, 5 % p.a., unchanged since the Code of Obligations; 1900-01-01 stands for "always".
  ch_default_interest: { kind: "ch_default_interest", entries: [{ validFrom: "1900-01-01", ratePercent: "5", source: "CO 104 al. 1" }] },
  // FACTS §1: €40, C. com. D441-5, in force since 2013-01-01.
  fr_recovery_indemnity: { kind: "fr_recovery_indemnity", entries: [{ validFrom: "2013-01-01", amountMinor: 4_000, currency: "EUR" }] },
  // FACTS §6: GebV SchKG Art. 16, version 2022.01. A claim of exactly CHF 100 falls in the first bracket.
  ch_payment_order_fee: {
    kind: "ch_payment_order_fee",
    entries: [
      {
        validFrom: "2022-01-01",
        currency: "CHF",
        brackets: [
          { upToMinor: 10_000, feeMinor: 700, typicalWithPostageMinor: 2_030 },
          { upToMinor: 50_000, feeMinor: 2_000, typicalWithPostageMinor: 3_330 },
          { upToMinor: 100_000, feeMinor: 4_000, typicalWithPostageMinor: 5_330 },
          { upToMinor: 1_000_000, feeMinor: 6_000, typicalWithPostageMinor: 7_330 },
          { upToMinor: 10_000_000, feeMinor: 9_000, typicalWithPostageMinor: 10_330 },
          { upToMinor: 100_000_000, feeMinor: 19_000, typicalWithPostageMinor: 20_330 },
          { upToMinor: null, feeMinor: 40_000, typicalWithPostageMinor: 41_330 },
        ],
      },
    ],
  },
};
