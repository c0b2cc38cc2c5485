import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { SummaryCard } from "../components/summary-card.tsx";
import { useMe } from "../hooks/use-me.ts";
import { useTRPC } from "../lib/trpc.ts";

export function HomePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const summary = useQuery(trpc.receivables.summary.queryOptions());
  return (
    <div className="page">
      <h1>{t("home.welcome", { name: me.user.displayName })}</h1>
      <h2>{t("home.summaryTitle")}</h2>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorMessage error={summary.error} />
      ) : summary.data.length === 0 ? (
        <p className="empty">{t("home.empty")}</p>
      ) : (
        <div className="card-grid">
          {summary.data.map((row) => (
            <SummaryCard key={row.currency} {...row} />
          ))}
        </div>
      )}
    </div>
  );
}
