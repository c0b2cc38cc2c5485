import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { StageBadge } from "../components/stage-badge.tsx";
import { useTRPC } from "../lib/trpc.ts";

export function CasesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cases = useQuery(trpc.receivables.cases.queryOptions());
  return (
    <div className="page">
      <h1>{t("cases.title")}</h1>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorMessage error={cases.error} />
      ) : cases.data.length === 0 ? (
        <p className="empty">{t("cases.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="cases-table">
            <caption className="visually-hidden">{t("cases.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.debtor")}</th>
                <th scope="col">{t("cases.stage")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id} data-testid="case-row">
                  <th scope="row">
                    <Link to={`/cases/${c.id}`} data-testid="case-link" aria-label={t("cases.open", { name: c.debtorName })}>
                      {c.debtorName}
                    </Link>
                  </th>
                  <td>
                    <StageBadge stage={c.stage} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
