import { invalidValue } from "../ledger-errors.ts";

/**
 * The FEC header (FACTS §5, BOFiP): 18 named columns, amounts either as Debit/Credit or as Montant + Sens (D/C).
 * Columns are found by name (case-insensitive), so an export that reorders them or adds some still reads.
 */
export const FEC_COLUMNS = [
  "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
  "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
] as const;

export type FecColumn = (typeof FEC_COLUMNS)[number] | "Montant" | "Sens";
export type FecAmountVariant = "debit-credit" | "montant-sens";

export interface FecHeader {
  readonly variant: FecAmountVariant;
  /** 0-based position of every column present. */
  readonly indexes: Partial<Record<FecColumn, number>>;
}

/** Mandatory in the norm but not needed to derive receivables, and left out by some exports. */
const TOLERATED_MISSING: readonly FecColumn[] = ["ValidDate", "Montantdevise", "Idevise"];

const normalize = (name: string): string => name.trim().replace(/^"|"$/g, "").toLowerCase();

export const parseFecHeader = (fields: readonly string[]): FecHeader => {
  const positions = new Map(fields.map((name, index) => [normalize(name), index] as const));
  const variant: FecAmountVariant = positions.has("montant") && positions.has("sens") && !positions.has("debit") ? "montant-sens" : "debit-credit";
  const expected: FecColumn[] = FEC_COLUMNS.flatMap((column): FecColumn[] =>
    variant === "montant-sens" && column === "Debit" ? ["Montant"] : variant === "montant-sens" && column === "Credit" ? ["Sens"] : [column],
  );
  const indexes: Partial<Record<FecColumn, number>> = {};
  const missing: FecColumn[] = [];
  for (const column of expected) {
    const index = positions.get(column.toLowerCase());
    if (index !== undefined) indexes[column] = index;
    else if (!TOLERATED_MISSING.includes(column)) missing.push(column);
  }
  if (missing.length > 0) {
    throw invalidValue(`This is not a FEC header: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, "ledger.invalidFecHeader");
  }
  return { variant, indexes };
};
