import { z } from "zod";
import { CURRENCIES, type Currency, type Money } from "../money.ts";
import { isIsoDate, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { missingCollectionData, parseOrThrow } from "./collection-errors.ts";
import { tryParseRatePercent } from "./decimal-rate.ts";

/**
 * Dated rate and fee tables (FACTS §1, §2, §6, §8). Every rate, fee and amount that the law changes is an entry
 * with the day it takes effect; the entry in force on a date is the last one starting on or before it. An entry
 * may also end (`validTo`, inclusive): the French legal rate is published per half-year, so a half-year missing
 * from the table is an error, never the previous half-year's rate carried forward.
 */
export const RATE_TABLE_KINDS = ["ecb_refinancing", "fr_legal_rate_individual", "fr_legal_rate_other", "ch_default_interest"] as const;
export type RateTableKind = (typeof RATE_TABLE_KINDS)[number];

interface Dated {
  readonly validFrom: IsoDate;
  /** Last day of validity, inclusive; absent or null = until the next entry. */
  readonly validTo?: IsoDate | null;
}

export interface RateEntry extends Dated {
  /** Percent per year as exact decimal text, e.g. "3.15". */
  readonly ratePercent: string;
  readonly source?: string;
}

export interface RateTable {
  readonly kind: RateTableKind;
  readonly entries: readonly RateEntry[];
}

/** The flat recovery indemnity per late B2B invoice (C. com. D441-5). */
export interface RecoveryIndemnityEntry extends Dated {
  readonly amountMinor: number;
  readonly currency: Currency;
}

export interface RecoveryIndemnityTable {
  readonly kind: "fr_recovery_indemnity";
  readonly entries: readonly RecoveryIndemnityEntry[];
}

/** One bracket of the payment-order fee: claims up to `upToMinor` inclusive (null = no upper bound). */
export interface PaymentOrderFeeBracket {
  readonly upToMinor: number | null;
  readonly feeMinor: number;
  /** What offices typically charge including postage; informative only. */
  readonly typicalWithPostageMinor?: number;
}

export interface PaymentOrderFeeEntry extends Dated {
  readonly currency: "CHF";
  readonly brackets: readonly PaymentOrderFeeBracket[];
}

export interface PaymentOrderFeeTable {
  readonly kind: "ch_payment_order_fee";
  readonly entries: readonly PaymentOrderFeeEntry[];
}

/** Every table the collection rules read, by kind. */
export interface RateTables {
  readonly ecb_refinancing: RateTable;
  readonly fr_legal_rate_individual: RateTable;
  readonly fr_legal_rate_other: RateTable;
  readonly ch_default_interest: RateTable;
  readonly fr_recovery_indemnity: RecoveryIndemnityTable;
  readonly ch_payment_order_fee: PaymentOrderFeeTable;
}

// ---------------------------------------------------------------- schemas

export const isoDateSchema = z.string({ error: "not a date" }).refine(isIsoDate, "not a date");

const ratePercentSchema = z.string({ error: "must be decimal text, e.g. \"3.15\"" }).check((ctx) => {
  const outcome = tryParseRatePercent(ctx.value);
  if (!outcome.ok) ctx.issues.push({ code: "custom", message: outcome.reason, input: ctx.value });
});

const minorSchema = z.number({ error: "must be a number" }).int("must be a whole number of minor units").nonnegative("must not be negative");

const datedShape = { validFrom: isoDateSchema, validTo: isoDateSchema.nullable().optional() };

/** Dates strictly increase; an entry ends on or after it starts and before the next one starts. */
const datedEntries = <T extends z.ZodType<Dated>>(entry: T) =>
  z.array(entry, { error: "must be a list of entries" }).min(1, "needs at least one entry").check((ctx) => {
    const list = ctx.value;
    list.forEach((item, index) => {
      if (!isIsoDate(item.validFrom)) return;
      const end = item.validTo ?? null;
      if (end !== null && isIsoDate(end) && toEpochDay(end) < toEpochDay(item.validFrom)) {
        ctx.issues.push({ code: "custom", message: "must be on or after validFrom", path: [index, "validTo"], input: end });
      }
      const previous = list[index - 1];
      if (previous === undefined || !isIsoDate(previous.validFrom)) return;
      if (toEpochDay(item.validFrom) <= toEpochDay(previous.validFrom)) {
        ctx.issues.push({ code: "custom", message: "dates must increase", path: [index], input: item });
      } else if (previous.validTo != null && isIsoDate(previous.validTo) && toEpochDay(previous.validTo) >= toEpochDay(item.validFrom)) {
        ctx.issues.push({ code: "custom", message: `must end before the next entry starts (${item.validFrom})`, path: [index - 1, "validTo"], input: previous.validTo });
      }
    });
  });

const rateEntrySchema = z.object({ ...datedShape, ratePercent: ratePercentSchema, source: z.string().optional() });

export const rateTableSchema = z.object({ kind: z.enum(RATE_TABLE_KINDS, { error: "unknown rate table" }), entries: datedEntries(rateEntrySchema) });

export const recoveryIndemnityTableSchema = z.object({
  kind: z.literal("fr_recovery_indemnity"),
  entries: datedEntries(z.object({ ...datedShape, amountMinor: minorSchema, currency: z.enum(CURRENCIES, { error: "unknown currency" }) })),
});

const bracketSchema = z.object({
  upToMinor: minorSchema.nullable(),
  feeMinor: minorSchema,
  typicalWithPostageMinor: minorSchema.optional(),
});

/** Brackets rise strictly and the last has no upper bound, so every claim falls in exactly one. */
const bracketsSchema = z.array(bracketSchema).min(1, "needs at least one bracket").check((ctx) => {
  ctx.value.forEach((bracket, index) => {
    const previous = ctx.value[index - 1];
    const isLast = index === ctx.value.length - 1;
    if (isLast !== (bracket.upToMinor === null)) {
      ctx.issues.push({ code: "custom", message: isLast ? "the last bracket must have no upper bound" : "only the last bracket may be unbounded", path: [index, "upToMinor"], input: bracket.upToMinor });
    } else if (previous?.upToMinor != null && bracket.upToMinor !== null && bracket.upToMinor <= previous.upToMinor) {
      ctx.issues.push({ code: "custom", message: `must be above the previous bracket (${previous.upToMinor})`, path: [index, "upToMinor"], input: bracket.upToMinor });
    }
  });
});

export const paymentOrderFeeTableSchema = z.object({
  kind: z.literal("ch_payment_order_fee"),
  entries: datedEntries(z.object({ ...datedShape, currency: z.literal("CHF", { error: "must be CHF" }), brackets: bracketsSchema })),
});

export const rateTablesSchema = z.object({
  ecb_refinancing: rateTableSchema.refine((t) => t.kind === "ecb_refinancing", { message: "must be the ecb_refinancing table", path: ["kind"] }),
  fr_legal_rate_individual: rateTableSchema.refine((t) => t.kind === "fr_legal_rate_individual", { message: "must be the fr_legal_rate_individual table", path: ["kind"] }),
  fr_legal_rate_other: rateTableSchema.refine((t) => t.kind === "fr_legal_rate_other", { message: "must be the fr_legal_rate_other table", path: ["kind"] }),
  ch_default_interest: rateTableSchema.refine((t) => t.kind === "ch_default_interest", { message: "must be the ch_default_interest table", path: ["kind"] }),
  fr_recovery_indemnity: recoveryIndemnityTableSchema,
  ch_payment_order_fee: paymentOrderFeeTableSchema,
});

/** Parses one rate table (e.g. from the admin screen), or throws a BAD_REQUEST naming each bad field. */
export const parseRateTable = (input: unknown): RateTable => parseOrThrow(rateTableSchema, input, "rate table", "collection.invalidRateTable");
export const parseRateTables = (input: unknown): RateTables => parseOrThrow(rateTablesSchema, input, "rate tables", "collection.invalidRateTable");

// ---------------------------------------------------------------- lookups

/** The entry in force on a date, or a PRECONDITION_FAILED naming the table and why none applies. */
export const entryInForceOn = <E extends Dated>(tableName: string, entries: readonly E[], date: IsoDate): E => {
  const day = toEpochDay(date);
  let found: E | undefined;
  for (const entry of entries) if (toEpochDay(entry.validFrom) <= day) found = entry;
  if (found === undefined) {
    const first = entries[0]?.validFrom;
    throw missingCollectionData(`No entry of table "${tableName}" is in force on ${date}${first === undefined ? " (the table is empty)" : ` (its first entry starts ${first})`}`, "collection.noRateInForce");
  }
  if (found.validTo != null && toEpochDay(found.validTo) < day) {
    throw missingCollectionData(`No entry of table "${tableName}" is in force on ${date} (the entry from ${found.validFrom} ended ${found.validTo}; add the next one)`, "collection.noRateInForce");
  }
  return found;
};

export const rateInForceOn = (table: RateTable, date: IsoDate): RateEntry => entryInForceOn(table.kind, table.entries, date);

export const recoveryIndemnityOn = (table: RecoveryIndemnityTable, date: IsoDate): Money => {
  const entry = entryInForceOn(table.kind, table.entries, date);
  return { amountMinor: entry.amountMinor, currency: entry.currency };
};

/** The payment-order fee (GebV SchKG Art. 16) for a claim in CHF minor units, by the table in force on `date`. */
export const paymentOrderFeeOn = (table: PaymentOrderFeeTable, date: IsoDate, claimMinor: number): PaymentOrderFeeBracket & { currency: "CHF" } => {
  const entry = entryInForceOn(table.kind, table.entries, date);
  const bracket = entry.brackets.find((b) => b.upToMinor === null || claimMinor <= b.upToMinor);
  if (bracket === undefined) throw missingCollectionData(`Table "${table.kind}" from ${entry.validFrom} has no bracket for ${claimMinor}`, "collection.noRateInForce");
  return { ...bracket, currency: entry.currency };
};
