import { CANONICAL_FIELDS } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { columnChoiceOf } from "../lib/column-mapping-form.ts";
import type { ColumnMappingDraft, CsvPreview } from "../lib/ledger-api-types.ts";

export interface ImportPreviewTableProps {
  preview: CsvPreview;
  mapping: ColumnMappingDraft;
  /** A newer preview is on its way: the rows shown may be out of date. */
  stale?: boolean;
}

/** The file's first rows as the server read them, each with the reasons it would be rejected. */
export function ImportPreviewTable({ preview, mapping, stale = false }: ImportPreviewTableProps) {
  const { t } = useTranslation();
  const { header, rows } = preview;
  // which canonical fields read each column, to show under its name
  const fieldsByColumn = new Map<number, string[]>();
  for (const field of CANONICAL_FIELDS) {
    const index = Number(columnChoiceOf(header, mapping.columns[field]));
    if (mapping.columns[field] !== undefined && Number.isInteger(index)) fieldsByColumn.set(index, [...(fieldsByColumn.get(index) ?? []), field]);
  }
  const withErrors = rows.filter((r) => r.errors.length > 0).length;

  if (rows.length === 0) return <p className="empty">{t("imports.preview.empty")}</p>;
  return (
    <>
      <p className={withErrors > 0 ? "preview-summary preview-summary-errors" : "preview-summary"} role="status">
        {withErrors > 0 ? t("imports.preview.rowsWithErrors", { count: withErrors }) : t("imports.preview.noErrors")}
      </p>
      <div className="table-wrap">
        <table className="table preview-table" data-testid="preview-table" aria-busy={stale || undefined}>
          <caption className="visually-hidden">{t("imports.preview.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.preview.line")}</th>
              {header.map((name, index) => (
                <th scope="col" key={`${index}:${name}`}>
                  {name}
                  {fieldsByColumn.get(index)?.map((field) => (
                    <span key={field} className="mapped-field">
                      {t("imports.preview.mappedTo", { field })}
                    </span>
                  ))}
                </th>
              ))}
              <th scope="col">{t("imports.preview.problems")}</th>
            </tr>
          </thead>
          <tbody className={stale ? "stale" : undefined}>
            {rows.map((row) => (
              <tr key={row.line} data-testid="preview-row" className={row.errors.length > 0 ? "row-invalid" : undefined}>
                <th scope="row" className="numeric">
                  {row.line}
                </th>
                {header.map((name, index) => (
                  <td key={`${index}:${name}`} className={fieldsByColumn.has(index) ? undefined : "muted"}>
                    {row.cells[index] ?? ""}
                  </td>
                ))}
                <td>
                  {row.errors.length === 0 ? (
                    <span className="badge badge-accent">{t("imports.preview.ok")}</span>
                  ) : (
                    <ul className="error-list">
                      {row.errors.map((message) => (
                        <li key={message} data-testid="preview-error">
                          {message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
