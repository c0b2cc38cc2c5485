import { CURRENCIES, type Currency } from "../money.ts";
import { daysBetween, type IsoDate } from "./calendar-date.ts";
import { invalidValue } from "./ledger-errors.ts";
import { checkedMinor } from "./money-arithmetic.ts";

/**
 * Aging of receivables by days past due (FACTS §11). Buckets are data so a tenant can configure them; bounds are
 * inclusive whole days, `null` meaning unbounded. A valid set covers every integer exactly once.
 */
export interface AgingBucket {
  readonly key: string;
  readonly label: string;
  readonly minDays: number | null;
  readonly maxDays: number | null;
}

export const DEFAULT_AGING_BUCKETS: readonly AgingBucket[] = [
  { key: "not-due", label: "Not due", minDays: null, maxDays: 0 },
  { key: "1-30", label: "1–30 days", minDays: 1, maxDays: 30 },
  { key: "31-60", label: "31–60 days", minDays: 31, maxDays: 60 },
  { key: "61-90", label: "61–90 days", minDays: 61, maxDays: 90 },
  { key: "over-90", label: "> 90 days", minDays: 91, maxDays: null },
];

/** asOf − dueDate in calendar days: 0 on the due date itself, negative while not yet due. */
export const daysPastDue = (dueDate: IsoDate, asOf: IsoDate): number => daysBetween(dueDate, asOf);

const describeBucket = (bucket: AgingBucket, index: number): string => `bucket ${index} ("${bucket.key}")`;

/** Throws a BAD_REQUEST naming the first offending bucket (0-based index) unless the buckets cover all days once. */
export const validateBuckets = (buckets: readonly AgingBucket[]): void => {
  const fail = (message: string) => invalidValue(message, "ledger.invalidAgingBuckets");
  if (buckets.length === 0) throw fail("Aging needs at least one bucket");
  const keys = new Set<string>();
  buckets.forEach((bucket, index) => {
    const name = describeBucket(bucket, index);
    if (keys.has(bucket.key)) throw fail(`${name} repeats a key`);
    keys.add(bucket.key);
    for (const bound of [bucket.minDays, bucket.maxDays]) {
      if (bound !== null && !Number.isSafeInteger(bound)) throw fail(`${name} has a bound that is not a whole number of days`);
    }
    if (bucket.minDays !== null && bucket.maxDays !== null && bucket.minDays > bucket.maxDays) throw fail(`${name} ends before it starts`);
    if (index === 0 && bucket.minDays !== null) throw fail(`${name} must have no lower bound, so that every day falls in a bucket`);
    if (index === buckets.length - 1 && bucket.maxDays !== null) throw fail(`${name} must have no upper bound, so that every day falls in a bucket`);
    const previous = buckets[index - 1];
    if (previous === undefined) return;
    if (previous.maxDays === null) throw fail(`${name} cannot follow bucket ${index - 1}, which has no upper bound`);
    if (bucket.minDays !== previous.maxDays + 1) throw fail(`${name} must start at ${previous.maxDays + 1}, the day after bucket ${index - 1} ends`);
  });
};

export const bucketOf = (days: number, buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS): AgingBucket => {
  const found = buckets.find((b) => (b.minDays === null || days >= b.minDays) && (b.maxDays === null || days <= b.maxDays));
  if (found === undefined) throw invalidValue(`No aging bucket holds ${days} days`, "ledger.invalidAgingBuckets");
  return found;
};

export interface AgingItem {
  readonly currency: Currency;
  /** Open amount; credit notes (negative) reduce their bucket. */
  readonly openMinor: number;
  readonly dueDate: IsoDate;
}

export interface AgedBucketTotal {
  readonly key: string;
  readonly label: string;
  readonly totalMinor: number;
  readonly itemCount: number;
}

export interface AgedCurrency {
  readonly currency: Currency;
  readonly totalMinor: number;
  readonly itemCount: number;
  /** Every bucket, in the given order, including empty ones. */
  readonly buckets: AgedBucketTotal[];
}

/** Totals per currency (in CURRENCIES order, only those present) per bucket, as of a calendar date. */
export const ageReceivables = (
  items: Iterable<AgingItem>,
  asOf: IsoDate,
  buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS,
): AgedCurrency[] => {
  validateBuckets(buckets);
  const totals = new Map<Currency, { total: number; count: number; perBucket: { total: number; count: number }[] }>();
  for (const item of items) {
    const index = buckets.indexOf(bucketOf(daysPastDue(item.dueDate, asOf), buckets));
    const row = totals.get(item.currency) ?? { total: 0, count: 0, perBucket: buckets.map(() => ({ total: 0, count: 0 })) };
    totals.set(item.currency, row);
    const cell = row.perBucket[index]!;
    cell.total = checkedMinor(cell.total + item.openMinor);
    cell.count += 1;
    row.total = checkedMinor(row.total + item.openMinor);
    row.count += 1;
  }
  return CURRENCIES.flatMap((currency) => {
    const row = totals.get(currency);
    if (row === undefined) return [];
    const bucketTotals = buckets.map((b, i) => ({ key: b.key, label: b.label, totalMinor: row.perBucket[i]!.total, itemCount: row.perBucket[i]!.count }));
    return [{ currency, totalMinor: row.total, itemCount: row.count, buckets: bucketTotals }];
  });
};
