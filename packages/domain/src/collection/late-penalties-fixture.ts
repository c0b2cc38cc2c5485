import { DEFAULT_RATE_TABLES } from "./default-rate-tables.ts";
import { computeLatePenalties } from "./late-penalties.ts";
import type { LatePenaltyInput } from "./late-penalty-types.ts";

/** Late-penalty inputs for tests: 1 000.00 EUR due 15 June 2025, as of 15 July 2025, default tables; override any field. */
export const frB2b = (overrides: Partial<LatePenaltyInput> = {}): LatePenaltyInput => ({
  jurisdiction: "FR", segment: "b2b", principalMinor: 100_000, currency: "EUR",
  dueDate: "2025-06-15", asOf: "2025-07-15", tables: DEFAULT_RATE_TABLES, ...overrides,
});
export const frB2c = (overrides: Partial<LatePenaltyInput> = {}): LatePenaltyInput => frB2b({ segment: "b2c", ...overrides });
export const ch = (overrides: Partial<LatePenaltyInput> = {}): LatePenaltyInput => frB2b({ jurisdiction: "CH", currency: "CHF", ...overrides });

/** The lines without their explanations, for compact expectations. */
export const periods = (input: LatePenaltyInput) =>
  computeLatePenalties(input).lines.map(({ from, to, days, ratePercent, interestMinor }) => ({ from, to, days, ratePercent, interestMinor }));
