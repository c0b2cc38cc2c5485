import { bucketOf, daysPastDue, DEFAULT_AGING_BUCKETS, validateBuckets, type AgingBucket } from "../ledger/aging.ts";
import type { IsoDate } from "../ledger/calendar-date.ts";
import { invalidValue } from "../ledger/ledger-errors.ts";
import { checkedMinor } from "../ledger/money-arithmetic.ts";

/** Open amount and item count of one due date (a rollup row). */
export interface DueDateTotal {
  readonly dueDate: IsoDate;
  readonly openMinor: number;
  readonly itemCount: number;
}

export interface AgingBucketFigure {
  readonly key: string;
  readonly minDays: number | null;
  readonly maxDays: number | null;
  readonly openMinor: number;
  readonly itemCount: number;
}

/**
 * Aging as of any date from totals per due date (one currency): each due date falls in one bucket by its days past
 * due. Every bucket is returned, in order, empty ones included.
 */
export const ageDueDateTotals = (
  rows: Iterable<DueDateTotal>,
  asOf: IsoDate,
  buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS,
): AgingBucketFigure[] => {
  validateBuckets(buckets);
  const cells = buckets.map((b) => ({ key: b.key, minDays: b.minDays, maxDays: b.maxDays, openMinor: 0, itemCount: 0 }));
  for (const row of rows) {
    const cell = cells[buckets.indexOf(bucketOf(daysPastDue(row.dueDate, asOf), buckets))]!;
    cell.openMinor = checkedMinor(cell.openMinor + row.openMinor);
    cell.itemCount += row.itemCount;
  }
  return cells;
};

/** Default bucket edges as a tenant setting: the last day of every bucket but the open-ended last one. */
export const DEFAULT_AGING_EDGES: readonly number[] = [0, 30, 60, 90];

/**
 * Buckets from ascending upper edges in days past due, the tenant setting: [0, 30, 60, 90] → not due, 1–30, 31–60,
 * 61–90, > 90 (the default keys). The first edge must be 0 (the "not due" bucket) and edges strictly ascending.
 */
export const bucketsFromEdges = (edges: readonly number[]): AgingBucket[] => {
  const fail = (message: string) => invalidValue(`Aging edges ${JSON.stringify(edges)}: ${message}`, "kpi.invalidAgingEdges");
  if (edges.length === 0 || edges.length > 12) throw fail("give from 1 to 12 edges");
  if (edges[0] !== 0) throw fail("the first edge must be 0 (not yet due)");
  edges.forEach((edge, i) => {
    if (!Number.isInteger(edge) || edge < 0 || edge > 3650) throw fail(`edge ${i} is not a whole number of days from 0 to 3650`);
    if (i > 0 && edge <= edges[i - 1]!) throw fail(`edge ${i} (${edge}) must be greater than edge ${i - 1}`);
  });
  const buckets: AgingBucket[] = [{ key: "not-due", label: "Not due", minDays: null, maxDays: 0 }];
  for (let i = 1; i < edges.length; i += 1) {
    const min = edges[i - 1]! + 1;
    const max = edges[i]!;
    buckets.push({ key: `${min}-${max}`, label: `${min}–${max}`, minDays: min, maxDays: max });
  }
  const last = edges[edges.length - 1]!;
  buckets.push({ key: `over-${last}`, label: `> ${last}`, minDays: last + 1, maxDays: null });
  return buckets;
};
