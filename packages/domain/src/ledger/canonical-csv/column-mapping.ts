import type { DecimalSeparator } from "../decimal-amount.ts";
import type { TextEncodingName } from "../csv/decode-text.ts";
import type { CsvDelimiter } from "../csv/detect-delimiter.ts";
import type { DateFormat } from "../csv/parse-date-text.ts";
import { CANONICAL_FIELDS, REQUIRED_FIELDS, type CanonicalField } from "./canonical-columns.ts";

/** How a source file maps onto the canonical columns. Saved per tenant and per source so re-imports need no setup. */
export interface ImportOptions {
  readonly delimiter: CsvDelimiter | "auto";
  readonly decimalSeparator: DecimalSeparator | "auto";
  readonly dateFormat: DateFormat | "auto";
  readonly encoding: TextEncodingName | "auto";
}

/** A header name (matched trimmed and case-insensitively) or a 0-based column index. */
export type ColumnRef = string | number;

export interface ColumnMapping {
  readonly columns: Partial<Record<CanonicalField, ColumnRef>>;
  /** Used when a field has no column or its cell is empty, e.g. `{ debtor_segment: "b2b", currency: "EUR" }`. */
  readonly defaults?: Partial<Record<CanonicalField, string>>;
  readonly options: ImportOptions;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { delimiter: "auto", decimalSeparator: "auto", dateFormat: "auto", encoding: "auto" };

export interface MappingProblem {
  readonly field: CanonicalField;
  readonly message: string;
}

export interface ResolvedColumn {
  readonly index: number;
  /** The header text, shown in error messages. */
  readonly name: string;
}

const sameHeader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Column index per mapped field, and the problems that make the mapping unusable for this header. */
export const resolveMapping = (
  header: readonly string[],
  mapping: ColumnMapping,
): { resolved: Partial<Record<CanonicalField, ResolvedColumn>>; problems: MappingProblem[] } => {
  const resolved: Partial<Record<CanonicalField, ResolvedColumn>> = {};
  const problems: MappingProblem[] = [];
  for (const field of CANONICAL_FIELDS) {
    const ref = mapping.columns[field];
    if (ref === undefined) continue;
    const index = typeof ref === "number" ? ref : header.findIndex((name) => sameHeader(name, ref));
    if (!Number.isInteger(index) || index < 0 || index >= Math.max(header.length, 1)) {
      const what = typeof ref === "number" ? `column index ${ref}` : `column "${ref}"`;
      problems.push({ field, message: `${field}: ${what} is not in the file's header` });
      continue;
    }
    resolved[field] = { index, name: header[index] ?? `#${index}` };
  }
  for (const field of REQUIRED_FIELDS) {
    if (resolved[field] === undefined && mapping.defaults?.[field] === undefined && !problems.some((p) => p.field === field)) {
      problems.push({ field, message: `${field}: required, but no column is mapped and no default is set` });
    }
  }
  return { resolved, problems };
};

/** The problems of a mapping against a header, for the import screen; empty when the mapping can be used. */
export const checkMapping = (header: readonly string[], mapping: ColumnMapping): MappingProblem[] => resolveMapping(header, mapping).problems;
