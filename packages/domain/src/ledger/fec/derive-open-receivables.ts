import type { IsoDate } from "../calendar-date.ts";
import { checkedMinor } from "../money-arithmetic.ts";
import type { FecEntry } from "./parse-fec-line.ts";

/**
 * Open receivables at a date from FEC entries (FACTS §5, a derivation, not a norm): customer-account lines
 * (`CompteNum` starting with 411 by default) dated on or before D, not lettered at D (`EcritureLet` empty or
 * `DateLet` after D), summed per customer and document (`PieceRef`) as Σ Debit − Σ Credit.
 *
 * Partial lettrage: a lettering group (one customer, one `EcritureLet`) whose lines do not net to zero matched a
 * payment to part of an invoice. What it leaves open stays open, on the group's newest documents (payments settle
 * the oldest first); a balanced group closes all its lines, as before.
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

/** A lettering group's documents, each with its own balance within the group. */
type LetteredGroup = Map<string, OpenDocument>;

const documentOf = (entry: FecEntry, customerKey: string): { key: string; fresh: OpenDocument } => {
  // Without a PieceRef, the accounting entry is the document.
  const pieceRef = entry.pieceRef || `${entry.journalCode}-${entry.ecritureNum}`;
  return {
    key: `${customerKey}\u0000${pieceRef}`,
    fresh: {
      customerKey, customerName: entry.compAuxLib || entry.compteLib, accountNum: entry.compteNum, pieceRef,
      issueDate: entry.pieceDate ?? entry.ecritureDate, balanceMinor: 0, journalCode: entry.journalCode, firstLine: entry.line,
    },
  };
};

const addLine = (documents: Map<string, OpenDocument>, entry: FecEntry, customerKey: string): void => {
  const { key, fresh } = documentOf(entry, customerKey);
  const document = documents.get(key) ?? fresh;
  document.balanceMinor = checkedMinor(document.balanceMinor + entry.debitMinor - entry.creditMinor);
  if (fresh.issueDate < document.issueDate) document.issueDate = fresh.issueDate;
  documents.set(key, document);
};

/** What an unbalanced group leaves open, newest documents first, each at most its own balance in the group. */
const residualOf = (group: LetteredGroup): { key: string; document: OpenDocument }[] => {
  let residual = 0;
  for (const d of group.values()) residual += d.balanceMinor;
  if (residual === 0) return [];
  const sign = Math.sign(residual);
  const candidates = [...group.entries()]
    .filter(([, d]) => Math.sign(d.balanceMinor) === sign)
    .sort(([, a], [, b]) => byText(b.issueDate, a.issueDate) || b.firstLine - a.firstLine);
  const open: { key: string; document: OpenDocument }[] = [];
  let left = Math.abs(residual);
  for (const [key, d] of candidates) {
    if (left === 0) break;
    const part = Math.min(left, Math.abs(d.balanceMinor));
    open.push({ key, document: { ...d, balanceMinor: sign * part } });
    left -= part;
  }
  return open;
};

export interface OpenReceivablesAccumulator {
  add(entry: FecEntry): void;
  /** Documents with a non-zero balance, by customer, issue date, document. */
  result(): OpenReceivable[];
}

/**
 * Memory grows with the documents of the customer accounts (open ones, and lettered ones until their group is
 * known to balance), not with the file: other accounts' lines are dropped.
 */
export const createOpenReceivablesAccumulator = (options: DeriveReceivablesOptions): OpenReceivablesAccumulator => {
  const prefix = options.accountPrefix ?? "411";
  const documents = new Map<string, OpenDocument>();
  const groups = new Map<string, LetteredGroup>();
  return {
    add(entry) {
      if (!entry.compteNum.startsWith(prefix) || entry.ecritureDate > options.asOf) return;
      const customerKey = entry.compAuxNum || entry.compteNum;
      if (isOpenAt(entry, options.asOf)) return addLine(documents, entry, customerKey);
      const groupKey = `${customerKey}\u0000${entry.ecritureLet}`;
      const group = groups.get(groupKey) ?? new Map<string, OpenDocument>();
      addLine(group, entry, customerKey);
      groups.set(groupKey, group);
    },
    result() {
      for (const group of groups.values()) {
        for (const { key, document } of residualOf(group)) {
          const open = documents.get(key);
          if (!open) documents.set(key, document);
          else {
            open.balanceMinor = checkedMinor(open.balanceMinor + document.balanceMinor);
            if (document.issueDate < open.issueDate) open.issueDate = document.issueDate;
            open.firstLine = Math.min(open.firstLine, document.firstLine);
          }
        }
      }
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
