import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { ImportCounts } from "./import-counts.tsx";
import { ImportStatusBadge } from "./import-status-badge.tsx";
import { Loading } from "./loading.tsx";
import { RejectionsTable } from "./rejections-table.tsx";

const PAGE_SIZE = 100;

/** An import's facts and its rejected rows, a page at a time. */
export function ImportRunDetail({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const [page, setPage] = useState(0);
  const detail = useQuery({
    ...trpc.imports.get.queryOptions({ importId, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.run.status === "running" ? 3_000 : false),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const { run, rejections } = detail.data;
  // the server does not say how many rejections are stored: a full page means there may be more
  const hasMore = rejections.length === PAGE_SIZE;
  return (
    <section className="card import-run" aria-labelledby="import-run-title" data-testid="import-run">
      <h1 id="import-run-title">{t("imports.detail.title", { file: run.fileName })}</h1>
      <dl className="facts facts-grid">
        <div>
          <dt>{t("imports.result.status")}</dt>
          <dd>
            <ImportStatusBadge status={run.status} testId="import-status" />
          </dd>
        </div>
        <div>
          <dt>{t("imports.detail.kind")}</dt>
          <dd>{t(`imports.kindShort.${run.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("imports.detail.asOf")}</dt>
          <dd>{format.date(run.asOf)}</dd>
        </div>
        <div>
          <dt>{t("imports.detail.started")}</dt>
          <dd>{format.dateTime(run.startedAt)}</dd>
        </div>
        {run.finishedAt && (
          <div>
            <dt>{t("imports.detail.finished")}</dt>
            <dd>{format.dateTime(run.finishedAt)}</dd>
          </div>
        )}
      </dl>
      <ImportCounts rowsTotal={run.rowsTotal} rowsImported={run.rowsImported} rowsRejected={run.rowsRejected} details={run.summary} />
      <h2>{t("imports.rejections.title")}</h2>
      <RejectionsTable rejections={rejections} />
      {(page > 0 || hasMore) && (
        <nav className="pager" aria-label={t("pager.label")}>
          <button type="button" className="button" disabled={page === 0 || detail.isPlaceholderData} onClick={() => setPage(page - 1)}>
            {t("pager.previous")}
          </button>
          <button type="button" className="button" disabled={!hasMore || detail.isPlaceholderData} onClick={() => setPage(page + 1)}>
            {t("pager.next")}
          </button>
        </nav>
      )}
    </section>
  );
}
