import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportSummary } from "../lib/import-upload.ts";
import { ImportCounts } from "./import-counts.tsx";
import { ImportStatusBadge } from "./import-status-badge.tsx";
import { RejectionsTable } from "./rejections-table.tsx";

/** The upload answers this many rejections at most; the import's page has them all. */
const FIRST_REJECTIONS = 100;

/** What an import did: its status in words, the counts, and the first rejected rows. Focused when it appears. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [summary]);
  const unmatched = Number(summary.details.unmatched) || 0;

  return (
    <section className="import-result" aria-labelledby="import-result-title" data-testid="import-result">
      <h3 id="import-result-title" ref={heading} tabIndex={-1}>
        {t("imports.result.title")} — {summary.fileName}
      </h3>
      <p className="import-status-line">
        <span className="muted">{t("imports.result.status")}</span>
        <ImportStatusBadge status={summary.status} testId="import-status" />
      </p>
      <p className={summary.status === "succeeded" ? "alert alert-success" : summary.status === "partial" ? "alert alert-info" : "alert alert-error"}>
        {t(`imports.result.explain.${summary.status}`)}
      </p>
      <ImportCounts rowsTotal={summary.rowsTotal} rowsImported={summary.rowsImported} rowsRejected={summary.rowsRejected} details={summary.details} />
      {summary.rejections.length > 0 && (
        <>
          <h4>{t("imports.rejections.title")}</h4>
          <RejectionsTable rejections={summary.rejections} />
          <p className="hint">
            {summary.rejections.length >= FIRST_REJECTIONS && <>{t("imports.result.firstRejections", { shown: summary.rejections.length })} </>}
            <Link to={`/imports/${summary.importId}`} data-testid="import-result-details">
              {t("imports.result.seeAll")}
            </Link>
          </p>
        </>
      )}
      {summary.kind === "camt" && unmatched > 0 && (
        <p>
          <Link to="/matching" className="button" data-testid="import-result-matching">
            {t("imports.result.goToMatching")}
          </Link>
        </p>
      )}
    </section>
  );
}
