import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { ImportStatusBadge } from "./import-status-badge.tsx";
import { Loading } from "./loading.tsx";

const RUNNING_REFRESH_MS = 3_000;

/** The organization's recent imports (whoever started them), each linking to its rejected rows. */
export function ImportsHistory() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const runs = useQuery({
    ...trpc.imports.list.queryOptions(),
    // an import started elsewhere is still running: look again until it is over
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === "running") ? RUNNING_REFRESH_MS : false),
  });
  return (
    <section aria-labelledby="imports-history-title">
      <h2 id="imports-history-title">{t("imports.history.title")}</h2>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <ErrorMessage error={runs.error} />
      ) : runs.data.length === 0 ? (
        <p className="empty" data-testid="imports-history-empty">
          {t("imports.history.empty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="imports-history">
            <caption className="visually-hidden">{t("imports.history.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.history.started")}</th>
                <th scope="col">{t("imports.history.file")}</th>
                <th scope="col">{t("imports.history.kind")}</th>
                <th scope="col">{t("imports.history.status")}</th>
                <th scope="col" className="numeric">
                  {t("imports.history.rows")}
                </th>
                <th scope="col" className="numeric">
                  {t("imports.history.imported")}
                </th>
                <th scope="col" className="numeric">
                  {t("imports.history.rejected")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("imports.history.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id} data-testid="import-history-row">
                  <td>{format.dateTime(run.startedAt)}</td>
                  <th scope="row" className="file-name">
                    {run.fileName}
                  </th>
                  <td>{t(`imports.kindShort.${run.kind}`)}</td>
                  <td>
                    <ImportStatusBadge status={run.status} />
                  </td>
                  <td className="numeric">{format.integer(run.rowsTotal)}</td>
                  <td className="numeric">{format.integer(run.rowsImported)}</td>
                  <td className="numeric">{format.integer(run.rowsRejected)}</td>
                  <td className="actions">
                    <Link to={`/imports/${run.id}`} data-testid="import-history-link" aria-label={t("imports.history.openOf", { file: run.fileName })}>
                      {t("imports.history.open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
