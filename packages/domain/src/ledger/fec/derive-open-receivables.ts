import type { IsoDate } from "../calendar-date.ts";
import { checkedMinor } from "../money-arithmetic.ts";
import type { FecEntry } from "./parse-fec-line.ts";

/**
 * Open receivables at a date from FEC entries (FACTS §5, a derivation, not a norm): customer-account lines
 * (`CompteNum` starting with 411 by default) dated on or before D, not lettered at D (`EcritureLet` empty or
 * `DateLet` after D), summed per customer and document (`PieceRef`) as Σ Debit − Σ Credit.
 */
export interface DeriveReceivablesOptions {
  readonly asOf: IsoDate;
  readonly accountPrefix?: string;
}

export interface OpenReceivable {
  /** `CompAuxNum`, or `CompteNum` when the file keeps customers as individual 411 accounts. */
  readonly customerKey: string;
  readonly customerName: string;
  readonly accountNum: string;
  readonly pieceRef: string;
  /** Earliest `PieceDate` of the document's lines (their `EcritureDate` when absent). */
  readonly issueDate: IsoDate;
  readonly balanceMinor: number;
  readonly currency: "EUR";
  /** "credit": a credit note or an unapplied payment (negative balance). */
  readonly kind: "receivable" | "credit";
  readonly journalCode: string;
  readonly firstLine: number;
}

interface OpenDocument {
  customerKey: string;
  customerName: string;
  accountNum: string;
  pieceRef: string;
  issueDate: IsoDate;
  balanceMinor: number;
  journalCode: string;
  firstLine: number;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Lettered lines without DateLet are taken as lettered: the code says they were matched, and no date says when.
const isOpenAt = (entry: FecEntry, asOf: IsoDate): boolean => entry.ecritureLet === "" || (entry.dateLet !== null && entry.dateLet > asOf);

export interface OpenReceivablesAccumulator {
  add(entry: FecEntry): void;
  /** Documents with a non-zero balance, by customer, issue date, document. */
  result(): OpenReceivable[];
}

/** Memory grows with the open documents seen, not with the file: lettered and other-account lines are dropped. */
export const createOpenReceivablesAccumulator = (options: DeriveReceivablesOptions): OpenReceivablesAccumulator => {
  const prefix = options.accountPrefix ?? "411";
  const documents = new Map<string, OpenDocument>();
  return {
    add(entry) {
      if (!entry.compteNum.startsWith(prefix) || entry.ecritureDate > options.asOf || !isOpenAt(entry, options.asOf)) return;
      const customerKey = entry.compAuxNum || entry.compteNum;
      // Without a PieceRef, the accounting entry is the document.
      const pieceRef = entry.pieceRef || `${entry.journalCode}-${entry.ecritureNum}`;
      const key = `${customerKey}\u0000${pieceRef}`;
      const issueDate = entry.pieceDate ?? entry.ecritureDate;
      const document = documents.get(key) ?? {
        customerKey, customerName: entry.compAuxLib || entry.compteLib, accountNum: entry.compteNum, pieceRef,
        issueDate, balanceMinor: 0, journalCode: entry.journalCode, firstLine: entry.line,
      };
      document.balanceMinor = checkedMinor(document.balanceMinor + entry.debitMinor - entry.creditMinor);
      if (issueDate < document.issueDate) document.issueDate = issueDate;
      documents.set(key, document);
    },
    result() {
      return [...documents.values()]
        .filter((d) => d.balanceMinor !== 0)
        .sort((a, b) => byText(a.customerKey, b.customerKey) || byText(a.issueDate, b.issueDate) || byText(a.pieceRef, b.pieceRef))
        .map((d) => ({ ...d, currency: "EUR" as const, kind: d.balanceMinor > 0 ? ("receivable" as const) : ("credit" as const) }));
    },
  };
};

export const deriveOpenReceivables = async (
  entries: Iterable<FecEntry> | AsyncIterable<FecEntry>,
  options: DeriveReceivablesOptions,
): Promise<OpenReceivable[]> => {
  const accumulator = createOpenReceivablesAccumulator(options);
  for await (const entry of entries) accumulator.add(entry);
  return accumulator.result();
};
