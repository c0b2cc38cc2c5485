import type { IsoDate } from "../calendar-date.ts";
import { tryParseDateText } from "../csv/parse-date-text.ts";
import { tryParseDecimalAmount } from "../decimal-amount.ts";
import type { FecColumn, FecHeader } from "./fec-header.ts";

/** One FEC line, amounts in euro cents (the FEC is kept in the company's currency). */
export interface FecEntry {
  readonly line: number;
  readonly journalCode: string;
  readonly journalLib: string;
  readonly ecritureNum: string;
  readonly ecritureDate: IsoDate;
  readonly compteNum: string;
  readonly compteLib: string;
  readonly compAuxNum: string;
  readonly compAuxLib: string;
  readonly pieceRef: string;
  readonly pieceDate: IsoDate | null;
  readonly ecritureLib: string;
  readonly debitMinor: number;
  readonly creditMinor: number;
  readonly ecritureLet: string;
  readonly dateLet: IsoDate | null;
  readonly validDate: IsoDate | null;
  readonly montantDeviseMinor: number | null;
  readonly idevise: string;
}

export interface FecLineError {
  readonly line: number;
  readonly column: FecColumn;
  readonly value: string;
  /** e.g. `line 12, EcritureDate ("20260231"): not a calendar date` */
  readonly message: string;
}

export type FecLineResult = { readonly ok: true; readonly entry: FecEntry } | { readonly ok: false; readonly error: FecLineError };

class FecFieldError extends Error {
  constructor(
    readonly column: FecColumn,
    readonly value: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

// Some generators quote every field although the norm needs no quoting; one surrounding pair is dropped.
const unquote = (value: string): string => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

const reader = (fields: readonly string[], header: FecHeader) => {
  const text = (column: FecColumn): string => {
    const index = header.indexes[column];
    return index === undefined ? "" : unquote((fields[index] ?? "").trim()).trim();
  };
  const required = (column: FecColumn): string => {
    const value = text(column);
    if (value === "") throw new FecFieldError(column, value, "required");
    return value;
  };
  const date = (column: FecColumn, value = text(column)): IsoDate | null => {
    if (value === "") return null;
    const outcome = tryParseDateText(value, "auto");
    if (!outcome.ok) throw new FecFieldError(column, value, outcome.reason);
    return outcome.value;
  };
  const amount = (column: FecColumn): number => {
    const value = text(column);
    if (value === "") return 0;
    const outcome = tryParseDecimalAmount(value, { decimalSeparator: "auto", grouping: false });
    if (!outcome.ok) throw new FecFieldError(column, value, outcome.reason);
    return outcome.value;
  };
  return { text, required, date, amount };
};

/** Debit and credit of the line, from either header variant. */
const debitCredit = (read: ReturnType<typeof reader>, header: FecHeader): { debitMinor: number; creditMinor: number } => {
  if (header.variant === "debit-credit") return { debitMinor: read.amount("Debit"), creditMinor: read.amount("Credit") };
  const amount = read.amount("Montant");
  const sens = read.required("Sens").toUpperCase();
  // D/C per the norm; +1/-1 as written by some software [NV]
  if (sens === "D" || sens === "+1" || sens === "1") return { debitMinor: amount, creditMinor: 0 };
  if (sens === "C" || sens === "-1") return { debitMinor: 0, creditMinor: amount };
  throw new FecFieldError("Sens", sens, "must be D or C");
};

export const parseFecLine = (fields: readonly string[], line: number, header: FecHeader): FecLineResult => {
  try {
    const read = reader(fields, header);
    const montantDevise = read.text("Montantdevise");
    const entry: FecEntry = {
      line,
      journalCode: read.required("JournalCode"),
      journalLib: read.text("JournalLib"),
      ecritureNum: read.text("EcritureNum"),
      ecritureDate: read.date("EcritureDate", read.required("EcritureDate"))!,
      compteNum: read.required("CompteNum"),
      compteLib: read.text("CompteLib"),
      compAuxNum: read.text("CompAuxNum"),
      compAuxLib: read.text("CompAuxLib"),
      pieceRef: read.text("PieceRef"),
      pieceDate: read.date("PieceDate"),
      ecritureLib: read.text("EcritureLib"),
      ...debitCredit(read, header),
      ecritureLet: read.text("EcritureLet"),
      dateLet: read.date("DateLet"),
      validDate: read.date("ValidDate"),
      montantDeviseMinor: montantDevise === "" ? null : read.amount("Montantdevise"),
      idevise: read.text("Idevise"),
    };
    return { ok: true, entry };
  } catch (error) {
    if (!(error instanceof FecFieldError)) throw error;
    const value = error.value === "" ? "" : ` ("${error.value}")`;
    return { ok: false, error: { line, column: error.column, value: error.value, message: `line ${line}, ${error.column}${value}: ${error.reason}` } };
  }
};
