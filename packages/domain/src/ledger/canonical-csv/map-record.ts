import type { Currency } from "../../money.ts";
import type { IsoDate } from "../calendar-date.ts";
import type { CompanyIdentifier } from "../company-identifier.ts";
import type { CsvRecord } from "../csv/create-csv-parser.ts";
import { invalidValue } from "../ledger-errors.ts";
import type { ReferenceKind } from "../payment-reference.ts";
import { CANONICAL_FIELDS, type CanonicalField } from "./canonical-columns.ts";
import { normalizeHeaderName } from "./auto-map-header.ts";
import { resolveMapping, type ColumnMapping, type ResolvedColumn } from "./column-mapping.ts";
import { openItemFastParser, openItemSchema, type OpenItemFields } from "./open-item-schema.ts";

/** One valid row of an open-items import, typed and normalized (credit notes negative, references normalized). */
export interface ImportedOpenItem {
  readonly line: number;
  readonly debtor: {
    readonly externalId: string;
    readonly name: string;
    readonly country: string;
    readonly segment: "b2b" | "b2c";
    readonly identifier: CompanyIdentifier | null;
    readonly email: string | null;
    readonly language: "fr" | "en" | "de" | "it" | null;
    readonly paymentTermsDays: number | null;
  };
  readonly invoice: {
    readonly externalId: string;
    readonly number: string;
    readonly issueDate: IsoDate;
    readonly dueDate: IsoDate;
    readonly amountMinor: number;
    readonly openMinor: number;
    readonly currency: Currency;
    readonly poNumber: string | null;
    readonly paymentReference: { readonly kind: Exclude<ReferenceKind, "NONE">; readonly normalized: string } | null;
    readonly documentType: "invoice" | "credit_note";
  };
}

export interface ImportRowError {
  readonly line: number;
  readonly field: CanonicalField;
  /** The source header the value came from; "(default)" for a mapping default; null when unmapped. */
  readonly column: string | null;
  readonly value: string;
  readonly reason: string;
  /** e.g. `line 14, due_date [column "Échéance"] ("31/02/2026"): not a calendar date` */
  readonly message: string;
}

export type MapRecordResult = { readonly ok: true; readonly row: ImportedOpenItem } | { readonly ok: false; readonly errors: ImportRowError[] };

interface Cell {
  readonly value: string;
  readonly column: string | null;
}

const describeError = (line: number, field: CanonicalField, cell: Cell, reason: string): ImportRowError => {
  const column = cell.column !== null && normalizeHeaderName(cell.column) !== normalizeHeaderName(field) ? ` [column "${cell.column}"]` : "";
  const value = cell.value !== "" ? ` ("${cell.value}")` : "";
  return { line, field, column: cell.column, value: cell.value, reason, message: `line ${line}, ${field}${column}${value}: ${reason}` };
};

const toOpenItem = (line: number, row: OpenItemFields): ImportedOpenItem => ({
  line,
  debtor: {
    externalId: row.debtor_external_id,
    name: row.debtor_name,
    country: row.debtor_country,
    segment: row.debtor_segment,
    identifier: row.debtor_identifier ?? null,
    email: row.debtor_email ?? null,
    language: row.debtor_language ?? null,
    paymentTermsDays: row.debtor_payment_terms_days ?? null,
  },
  invoice: {
    externalId: row.invoice_external_id ?? row.invoice_number,
    number: row.invoice_number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    amountMinor: row.amount,
    openMinor: row.open_amount,
    currency: row.currency,
    poNumber: row.po_number ?? null,
    paymentReference: row.payment_reference ?? null,
    documentType: row.document_type,
  },
});

/** Resolves the mapping once for a header; throws a BAD_REQUEST listing the problems if it cannot be used. */
export const createRecordMapper = (header: readonly string[], mapping: ColumnMapping): ((record: CsvRecord) => MapRecordResult) => {
  const { resolved, problems } = resolveMapping(header, mapping);
  if (problems.length > 0) {
    throw invalidValue(`The column mapping does not fit this file: ${problems.map((p) => p.message).join("; ")}`, "ledger.invalidMapping");
  }
  const schema = openItemSchema(mapping.options);
  const fastParse = openItemFastParser(mapping.options);
  // resolved once per header: which cell (or default) feeds each canonical field
  const sources = CANONICAL_FIELDS.map((field) => {
    const column = resolved[field];
    const fallback = mapping.defaults?.[field];
    return { field, index: column?.index, name: column?.name ?? null, fallback: fallback === undefined ? undefined : fallback.trim() };
  });
  const cellOf = (record: CsvRecord, source: (typeof sources)[number]): Cell => {
    const value = source.index === undefined ? "" : (record.fields[source.index] ?? "").trim();
    if (value === "" && source.fallback !== undefined) return { value: source.fallback, column: "(default)" };
    return { value, column: source.name };
  };
  return (record) => {
    // the hot path of a million-row import: one plain object of the non-empty cells, no per-field cell objects
    const input: Partial<Record<CanonicalField, string>> = {};
    for (const source of sources) {
      const value = source.index === undefined ? "" : (record.fields[source.index] ?? "").trim();
      if (value !== "") input[source.field] = value;
      else if (source.fallback !== undefined && source.fallback !== "") input[source.field] = source.fallback;
    }
    const fast = fastParse(input);
    if (fast) return { ok: true, row: toOpenItem(record.line, fast) };
    // something is wrong: the schema names every problem
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, row: toOpenItem(record.line, result.data) };
    const errors = result.error.issues.map((issue) => {
      const field = issue.path[0] as CanonicalField;
      const source = sources.find((s) => s.field === field);
      return describeError(record.line, field, source ? cellOf(record, source) : { value: "", column: null }, issue.message);
    });
    return { ok: false, errors };
  };
};

const mappers = new WeakMap<ColumnMapping, WeakMap<readonly string[], (record: CsvRecord) => MapRecordResult>>();

/** Maps one CSV record to an open item, or to every problem it has. Reuses the resolved mapping per header array. */
export const mapRecord = (record: CsvRecord, header: readonly string[], mapping: ColumnMapping): MapRecordResult => {
  const byHeader = mappers.get(mapping) ?? new WeakMap();
  mappers.set(mapping, byHeader);
  const mapper = byHeader.get(header) ?? createRecordMapper(header, mapping);
  byHeader.set(header, mapper);
  return mapper(record);
};
