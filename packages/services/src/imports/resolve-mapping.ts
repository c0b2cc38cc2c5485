import {
  AppError,
  autoMapHeader,
  detectDateFormat,
  type CanonicalField,
  type ColumnMapping,
  type CsvRecord,
} from "@relance/domain";

const DATE_FIELDS: CanonicalField[] = ["issue_date", "due_date"];
/** Records looked at to settle an "auto" date format before any row is mapped. */
export const DATE_SAMPLE_SIZE = 200;

/** The mapping to use: the one given, else the header mapped by name; a missing required field stops the import. */
export const mappingForHeader = (header: string[], given: ColumnMapping | undefined): ColumnMapping => {
  if (given) return given;
  const auto = autoMapHeader(header);
  if (auto.missingRequired.length > 0) {
    const fields = auto.missingRequired.map((field) => ({ path: field, message: "no column of the file maps to it" }));
    throw new AppError("BAD_REQUEST", `The file's header has no column for: ${auto.missingRequired.join(", ")}. Map the columns first.`, {
      key: "imports.unmappedColumns",
      fields,
    });
  }
  return auto.mapping;
};

const columnIndex = (header: string[], mapping: ColumnMapping, field: CanonicalField): number => {
  const ref = mapping.columns[field];
  if (typeof ref === "number") return ref;
  return ref === undefined ? -1 : header.findIndex((name) => name.trim().toLowerCase() === ref.trim().toLowerCase());
};

/** Settles an "auto" date format from sample rows (day-first wins over month-first when both fit). */
export const settleDateFormat = (header: string[], mapping: ColumnMapping, sample: CsvRecord[]): ColumnMapping => {
  if (mapping.options.dateFormat !== "auto") return mapping;
  const indexes = DATE_FIELDS.map((field) => columnIndex(header, mapping, field)).filter((i) => i >= 0);
  const values = sample.flatMap((record) => indexes.map((i) => record.fields[i]?.trim() ?? "")).filter(Boolean);
  const format = detectDateFormat(values);
  return format ? { ...mapping, options: { ...mapping.options, dateFormat: format } } : mapping;
};
