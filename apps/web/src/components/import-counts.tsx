import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";

const DETAIL_KEYS = [
  "debtorsCreated",
  "debtorsUpdated",
  "invoicesCreated",
  "invoicesUpdated",
  "openDocuments",
  "customers",
  "statements",
  "alreadyBooked",
  "unmatched",
  "matched_reference",
  "matched_amount-payer",
  "matched_combination",
  "matched_free-text",
] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];
const isDetailKey = (key: string): key is DetailKey => (DETAIL_KEYS as readonly string[]).includes(key);

export interface ImportCountsProps {
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  /** The kind's own counts (debtors created, payments matched by reference…); unknown keys show as they are. */
  details: Record<string, unknown>;
}

/** An import's counts as tiles: rows read, imported, rejected, then what the rows became. */
export function ImportCounts({ rowsTotal, rowsImported, rowsRejected, details }: ImportCountsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const shown = Object.entries(details).filter((entry): entry is [string, number | string] => typeof entry[1] === "number" || typeof entry[1] === "string");
  return (
    <dl className="facts facts-grid" data-testid="import-counts">
      <div>
        <dt>{t("imports.result.rowsTotal")}</dt>
        <dd data-testid="import-rows-total">{format.integer(rowsTotal)}</dd>
      </div>
      <div>
        <dt>{t("imports.result.rowsImported")}</dt>
        <dd data-testid="import-rows-imported">{format.integer(rowsImported)}</dd>
      </div>
      <div>
        <dt>{t("imports.result.rowsRejected")}</dt>
        <dd data-testid="import-rows-rejected">{format.integer(rowsRejected)}</dd>
      </div>
      {shown.map(([key, value]) => (
        <div key={key}>
          <dt>{isDetailKey(key) ? t(`imports.result.details.${key}`) : key}</dt>
          <dd data-testid={`import-detail-${key}`}>{typeof value === "number" ? format.integer(value) : value}</dd>
        </div>
      ))}
    </dl>
  );
}
