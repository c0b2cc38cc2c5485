import type { IsoDate } from "../calendar-date.ts";
import type { CamtEntry, CamtStatement, CamtTransaction } from "./camt-types.ts";
import { fnv1a64 } from "./stable-hash.ts";

/**
 * Incoming money that may be booked (FACTS §10): booked, non-reversed CRDT entries, one payment per transaction.
 * The dedupe key makes a statement imported twice, or a camt.054 followed by its camt.053, book nothing twice.
 */
export interface BookablePayment {
  /** `<account>:tx:<tx AcctSvcrRef>`, else `<account>:ntry:<entry AcctSvcrRef>#<tx index>`, else `<account>:hash:<fnv1a64(statement id|path)>`. */
  readonly dedupeKey: string;
  readonly statementId: string;
  readonly accountId: string;
  readonly entryPath: string;
  readonly path: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly bookingDate: IsoDate | null;
  readonly valueDate: IsoDate | null;
  readonly endToEndId: string | null;
  readonly debtorName: string | null;
  readonly debtorIban: string | null;
  readonly structuredRef: string | null;
  readonly unstructured: string | null;
  readonly accountServicerRef: string | null;
}

const isBookable = (entry: CamtEntry): boolean => entry.status === "BOOK" && !entry.reversal && entry.creditDebit === "CRDT";

/** An entry without details is one payment of the entry's amount. */
const transactionsOf = (entry: CamtEntry): CamtTransaction[] =>
  entry.transactions.length > 0
    ? entry.transactions
    : [{
        index: 1, path: entry.path, amountMinor: entry.amountMinor, currency: entry.currency, creditDebit: null, endToEndId: null,
        debtorName: null, debtorIban: null, structuredRef: null, unstructured: entry.additionalInfo, accountServicerRef: null,
      }];

const dedupeKeyOf = (statement: CamtStatement["statement"], entry: CamtEntry, tx: CamtTransaction): string => {
  if (tx.accountServicerRef !== null) return `${statement.accountId}:tx:${tx.accountServicerRef}`;
  if (entry.accountServicerRef !== null) return `${statement.accountId}:ntry:${entry.accountServicerRef}#${tx.index}`;
  return `${statement.accountId}:hash:${fnv1a64(`${statement.id}|${tx.path}`)}`;
};

export const bookablePayments = ({ statement, entries }: CamtStatement): BookablePayment[] =>
  entries.filter(isBookable).flatMap((entry) =>
    transactionsOf(entry)
      .filter((tx) => (tx.creditDebit ?? "CRDT") === "CRDT")
      .map((tx) => ({
        dedupeKey: dedupeKeyOf(statement, entry, tx),
        statementId: statement.id,
        accountId: statement.accountId,
        entryPath: entry.path,
        path: tx.path,
        amountMinor: tx.amountMinor,
        currency: tx.currency,
        bookingDate: entry.bookingDate,
        valueDate: entry.valueDate,
        endToEndId: tx.endToEndId,
        debtorName: tx.debtorName,
        debtorIban: tx.debtorIban,
        structuredRef: tx.structuredRef,
        unstructured: tx.unstructured,
        accountServicerRef: tx.accountServicerRef ?? entry.accountServicerRef,
      })),
  );
