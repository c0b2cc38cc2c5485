import type { IsoDate } from "../calendar-date.ts";

/** What `parseCamt` yields per statement (camt.053 `Stmt`) or notification (camt.054 `Ntfctn`). */
export type CamtKind = "053" | "054";

export interface CamtStatementInfo {
  readonly id: string;
  readonly kind: CamtKind;
  /** e.g. "camt.053.001.08", from the namespace; null when the file declares none. */
  readonly version: string | null;
  readonly createdAt: string;
  readonly iban: string | null;
  /** The IBAN, else `Acct/Id/Othr/Id`. */
  readonly accountId: string;
  readonly currency: string | null;
  readonly path: string;
}

export type CreditDebit = "CRDT" | "DBIT";

export interface CamtTransaction {
  /** 1-based position within the entry, across its NtryDtls. */
  readonly index: number;
  readonly path: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** The transaction's own indicator when given (batched entries), else null. */
  readonly creditDebit: CreditDebit | null;
  readonly endToEndId: string | null;
  readonly debtorName: string | null;
  readonly debtorIban: string | null;
  readonly structuredRef: string | null;
  /** All `RmtInf/Ustrd` lines joined by a space. */
  readonly unstructured: string | null;
  readonly accountServicerRef: string | null;
}

export interface CamtEntry {
  /** XPath-like, e.g. "Document/BkToCstmrStmt/Stmt[1]/Ntry[3]". */
  readonly path: string;
  readonly line: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly creditDebit: CreditDebit;
  readonly reversal: boolean;
  /** "BOOK", "PDNG", "INFO", … from `Sts` (≤ .07) or `Sts/Cd` (.08). */
  readonly status: string;
  readonly bookingDate: IsoDate | null;
  readonly valueDate: IsoDate | null;
  readonly accountServicerRef: string | null;
  readonly additionalInfo: string | null;
  readonly transactions: CamtTransaction[];
}

export interface CamtStatement {
  readonly statement: CamtStatementInfo;
  readonly entries: CamtEntry[];
}
