import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CasePresence } from "../components/case-presence.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { StageBadge } from "../components/stage-badge.tsx";
import { errorCodeOf } from "../lib/errors.ts";
import { useTRPC } from "../lib/trpc.ts";

export function CasePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const caseId = useParams().id ?? "";
  const found = useQuery(trpc.receivables.case.queryOptions({ caseId }));

  let body;
  if (found.isPending) body = <Loading />;
  else if (found.isError) {
    const code = errorCodeOf(found.error);
    // another tenant's case, a case a sales rep was not brought into, and a malformed id all read the same
    body =
      code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
        <div className="alert alert-error" role="alert" data-testid="case-not-found">
          <p>{t("cases.notFound")}</p>
        </div>
      ) : (
        <ErrorMessage error={found.error} />
      );
  } else {
    body = (
      <>
        <header className="case-header" data-testid="case-header">
          <p className="eyebrow">{t("cases.caseOf")}</p>
          <h1 data-testid="case-debtor">{found.data.debtorName}</h1>
          <dl className="facts facts-inline">
            <div>
              <dt>{t("cases.stage")}</dt>
              <dd>
                <StageBadge stage={found.data.stage} />
              </dd>
            </div>
          </dl>
        </header>
        <CasePresence caseId={found.data.id} />
      </>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to="/cases">← {t("cases.backToList")}</Link>
      </p>
      {body}
    </div>
  );
}
