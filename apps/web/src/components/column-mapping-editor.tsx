import { CANONICAL_COLUMNS } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { columnChoiceOf, columnRefOf, isMissingChoice, withColumn, withDefault } from "../lib/column-mapping-form.ts";
import type { ColumnMappingDraft } from "../lib/ledger-api-types.ts";

export interface ColumnMappingEditorProps {
  header: readonly string[];
  mapping: ColumnMappingDraft;
  onChange: (update: (mapping: ColumnMappingDraft) => ColumnMappingDraft) => void;
  /** Required fields that have neither a column nor a default (from the last preview). */
  missingRequired: readonly string[];
}

/** One select per canonical field listing the file's columns, and an optional default value for empty cells. */
export function ColumnMappingEditor({ header, mapping, onChange, missingRequired }: ColumnMappingEditorProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table mapping-table" data-testid="mapping-table">
        <caption className="visually-hidden">{t("imports.mapping.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("imports.mapping.field")}</th>
            <th scope="col">{t("imports.mapping.column")}</th>
            <th scope="col">{t("imports.mapping.defaultValue")}</th>
          </tr>
        </thead>
        <tbody>
          {CANONICAL_COLUMNS.map(({ name: field, required }) => {
            const choice = columnChoiceOf(header, mapping.columns[field]);
            const missing = missingRequired.includes(field);
            const label = t(`imports.fields.${field}`);
            return (
              <tr key={field} className={missing ? "row-invalid" : undefined}>
                <th scope="row">
                  <label htmlFor={`mapping-select-${field}`}>{label}</label>
                  {required && <span className="badge">{t("imports.mapping.required")}</span>}
                  <div className="mono muted">{field}</div>
                </th>
                <td>
                  <select
                    id={`mapping-select-${field}`}
                    data-testid={`mapping-${field}`}
                    value={choice}
                    aria-invalid={missing || isMissingChoice(choice) || undefined}
                    onChange={(e) => {
                      if (isMissingChoice(e.target.value)) return;
                      onChange((m) => withColumn(m, field, columnRefOf(header, e.target.value)));
                    }}
                  >
                    <option value="">{t("imports.mapping.notMapped")}</option>
                    {isMissingChoice(choice) && <option value={choice}>{t("imports.mapping.missingColumn", { name: choice.slice("missing:".length) })}</option>}
                    {header.map((name, index) => (
                      <option key={`${index}:${name}`} value={String(index)}>
                        {name.trim() === "" ? t("imports.mapping.unnamedColumn", { n: index + 1 }) : name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="text"
                    data-testid={`mapping-default-${field}`}
                    aria-label={t("imports.mapping.defaultOf", { field: label })}
                    maxLength={200}
                    value={mapping.defaults?.[field] ?? ""}
                    onChange={(e) => onChange((m) => withDefault(m, field, e.target.value))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
