import { useTranslation } from "react-i18next";
import type { ImportRejection } from "../lib/ledger-api-types.ts";

/** Rejected rows: where (CSV line or XML path), which field, and why. */
export function RejectionsTable({ rejections }: { rejections: ImportRejection[] }) {
  const { t } = useTranslation();
  if (rejections.length === 0) return <p className="empty">{t("imports.rejections.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="rejections-table">
        <caption className="visually-hidden">{t("imports.rejections.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("imports.rejections.line")}</th>
            <th scope="col">{t("imports.rejections.field")}</th>
            <th scope="col">{t("imports.rejections.message")}</th>
          </tr>
        </thead>
        <tbody>
          {rejections.map((r, index) => (
            <tr key={`${index}:${r.line ?? r.path}`} data-testid="rejection-row">
              <th scope="row" className="mono" data-testid="rejection-line">
                {[r.line, r.line === null || r.path === null ? r.path : `(${r.path})`].filter((v) => v !== null).join(" ") || "—"}
              </th>
              <td className="mono" data-testid="rejection-field">
                {r.field ?? "—"}
              </td>
              <td data-testid="rejection-message">{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
