import { CANONICAL_FIELDS, type CanonicalField } from "@relance/domain";
import type { ColumnMappingDraft, MappingOptions } from "./ledger-api-types.ts";

type ColumnRef = string | number;

export const isCanonicalField = (name: string): name is CanonicalField => (CANONICAL_FIELDS as readonly string[]).includes(name);

const sameHeader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A mapped column that the file's header does not have (a saved mapping from another export, say). */
const MISSING = "missing:";
export const isMissingChoice = (choice: string): boolean => choice.startsWith(MISSING);

/** The select's value for a field: "" unmapped, the column's index in the header, or `missing:<ref>`. */
export const columnChoiceOf = (header: readonly string[], ref: ColumnRef | undefined): string => {
  if (ref === undefined) return "";
  const index = typeof ref === "number" ? ref : header.findIndex((name) => sameHeader(name, ref));
  return index >= 0 && index < header.length ? String(index) : `${MISSING}${ref}`;
};

/**
 * The reference to store for a chosen column: its header name when that name is unique (a saved mapping then
 * survives reordered columns), else its index.
 */
export const columnRefOf = (header: readonly string[], choice: string): ColumnRef | undefined => {
  if (choice === "" || isMissingChoice(choice)) return undefined;
  const index = Number(choice);
  const name = header[index]?.trim() ?? "";
  const unique = name !== "" && header.filter((other) => sameHeader(other, name)).length === 1;
  return unique ? name : index;
};

export const withColumn = (mapping: ColumnMappingDraft, field: CanonicalField, ref: ColumnRef | undefined): ColumnMappingDraft => {
  const columns = { ...mapping.columns };
  if (ref === undefined) delete columns[field];
  else columns[field] = ref;
  return { ...mapping, columns };
};

export const withDefault = (mapping: ColumnMappingDraft, field: CanonicalField, value: string): ColumnMappingDraft => {
  const defaults = { ...mapping.defaults };
  if (value === "") delete defaults[field];
  else defaults[field] = value;
  return { ...mapping, defaults: Object.keys(defaults).length > 0 ? defaults : undefined };
};

export const DEFAULT_OPTIONS: Required<MappingOptions> = { delimiter: "auto", decimalSeparator: "auto", dateFormat: "auto", encoding: "auto" };

export const optionsOf = (mapping: ColumnMappingDraft): Required<MappingOptions> => ({ ...DEFAULT_OPTIONS, ...mapping.options });

export const withOption = <K extends keyof MappingOptions>(mapping: ColumnMappingDraft, key: K, value: MappingOptions[K]): ColumnMappingDraft => ({
  ...mapping,
  options: { ...optionsOf(mapping), [key]: value },
});

/** Select values stay readable (and easy to pick in tests) instead of carrying a tab character. */
export const DELIMITER_CHOICES = [
  { value: "auto", delimiter: "auto", label: "auto" },
  { value: "comma", delimiter: ",", label: "comma" },
  { value: "semicolon", delimiter: ";", label: "semicolon" },
  { value: "tab", delimiter: "\t", label: "tab" },
  { value: "pipe", delimiter: "|", label: "pipe" },
] as const satisfies readonly { value: string; delimiter: MappingOptions["delimiter"]; label: string }[];

export const DECIMAL_CHOICES = [
  { value: "auto", separator: "auto", label: "auto" },
  { value: "comma", separator: ",", label: "comma" },
  { value: "point", separator: ".", label: "point" },
] as const satisfies readonly { value: string; separator: MappingOptions["decimalSeparator"]; label: string }[];

export const DATE_FORMAT_CHOICES = [
  { value: "auto", label: "auto" },
  { value: "YYYY-MM-DD", label: "iso" },
  { value: "DD/MM/YYYY", label: "dmySlash" },
  { value: "DD.MM.YYYY", label: "dmyDot" },
  { value: "YYYYMMDD", label: "compact" },
  { value: "MM/DD/YYYY", label: "mdySlash" },
] as const satisfies readonly { value: MappingOptions["dateFormat"]; label: string }[];

export const ENCODING_CHOICES = ["auto", "utf-8", "windows-1252", "iso-8859-15"] as const satisfies readonly MappingOptions["encoding"][];
