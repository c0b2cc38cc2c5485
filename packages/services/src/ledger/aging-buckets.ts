import { addDays, bucketOf, DEFAULT_AGING_BUCKETS, daysPastDue, OVERDUE_BUCKETS, type AgingBucket, type OverdueBucket } from "@relance/domain";

/** The ledger's aging bucket behind each overdue bucket of the list screens (`31_60` ↔ `31-60`). */
const AGING_BUCKET_OF = new Map<OverdueBucket, AgingBucket>(
  OVERDUE_BUCKETS.map((key) => {
    const bucket = DEFAULT_AGING_BUCKETS.find((b) => b.key === key.replaceAll("_", "-"));
    if (!bucket) throw new Error(`No default aging bucket matches the overdue bucket ${key}`);
    return [key, bucket];
  }),
);

const OVERDUE_BUCKET_OF = new Map([...AGING_BUCKET_OF].map(([key, bucket]) => [bucket.key, key]));

/** Due dates (inclusive, null when unbounded) of the items that fall in `bucket` as of `asOf`. */
export const dueRangeOfBucket = (bucket: OverdueBucket, asOf: string): { from: string | null; to: string | null } => {
  const { minDays, maxDays } = AGING_BUCKET_OF.get(bucket)!;
  // days past due = asOf − due date, so the most days give the earliest due date
  return {
    from: maxDays === null ? null : addDays(asOf, -maxDays),
    to: minDays === null ? null : addDays(asOf, -minDays),
  };
};

/** The overdue bucket of an item due on `dueDate`, as of `asOf`. */
export const overdueBucketOf = (dueDate: string, asOf: string): OverdueBucket => {
  const key = OVERDUE_BUCKET_OF.get(bucketOf(daysPastDue(dueDate, asOf)).key);
  if (!key) throw new Error(`The aging buckets and the overdue buckets disagree on ${dueDate} as of ${asOf}`);
  return key;
};
