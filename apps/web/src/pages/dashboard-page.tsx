import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { AgingChart } from "../components/aging-chart.tsx";
import { AgingEdgesForm } from "../components/aging-edges-form.tsx";
import { CashForecastChart } from "../components/cash-forecast-chart.tsx";
import { CollectorActivityTable } from "../components/collector-activity-table.tsx";
import { DebtorsAtRiskTable } from "../components/debtors-at-risk-table.tsx";
import { DisputeKpisPanel } from "../components/dispute-kpis-panel.tsx";
import { DsoTrendChart } from "../components/dso-trend-chart.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { KpiCurrencyFigures } from "../components/kpi-currency-figures.tsx";
import { KpiFiltersBar } from "../components/kpi-filters-bar.tsx";
import { KpiFormulaTip } from "../components/kpi-formula-tip.tsx";
import { Loading } from "../components/loading.tsx";
import { useLedgerLive } from "../hooks/use-ledger-live.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMe } from "../hooks/use-me.ts";
import { readDashboardFilters, snapshotRequestOf, writeDashboardFilters } from "../lib/dashboard-params.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/dashboard.css";

/** The managers' live dashboard: figures refetch whenever the tenant's receivables move (pushed over the socket). */
export function DashboardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = readDashboardFilters(params);
  const request = snapshotRequestOf(filters);
  const live = useLedgerLive("kpi");
  const me = useMe();
  const snapshot = useQuery({ ...trpc.kpi.snapshot.queryOptions(request), placeholderData: (previous) => previous });
  const period = snapshot.data?.period;
  const collectors = useQuery({ ...trpc.kpi.collectors.queryOptions(period ? { from: period.from, to: period.to } : { from: "1970-01-01", to: "1970-01-01" }), enabled: Boolean(period) });
  const disputes = useQuery({ ...trpc.kpi.disputes.queryOptions(request), placeholderData: (previous) => previous });
  const atRisk = useQuery(trpc.kpi.debtorsAtRisk.queryOptions({ filters: request.filters, ...(filters.asOf ? { asOf: filters.asOf } : {}) }));

  return (
    <div className="page dashboard-page" data-testid="dashboard">
      <header className="dashboard-head">
        <h1>{t("dashboard.title")}</h1>
        <p className={`live-status live-${live.status}`} role="status" data-testid="dashboard-live" data-status={live.status}>
          <span aria-hidden="true" className="live-dot" />
          {t(`dashboard.${live.status === "offline" ? "offline" : live.status}`)}
        </p>
      </header>
      <KpiFiltersBar value={filters} onChange={(next) => setParams(writeDashboardFilters(next), { replace: true })} onReset={() => setParams(new URLSearchParams(), { replace: true })} />
      {snapshot.isPending ? (
        <Loading />
      ) : snapshot.isError ? (
        <ErrorMessage error={snapshot.error} />
      ) : (
        <>
          <p className="dashboard-subtitle">
            {t("dashboard.subtitle", {
              date: format.calendarDate(snapshot.data.asOf),
              from: format.calendarDate(snapshot.data.period.from),
              to: format.calendarDate(snapshot.data.period.to),
              days: snapshot.data.period.days,
            })}
            {snapshot.data.averagePaymentDelayDays !== null && (
              <>
                {" · "}
                {t("dashboard.figures.averageDelay")}{" "}
                {t("dashboard.figures.days", { value: new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(snapshot.data.averagePaymentDelayDays) })}{" "}
                <KpiFormulaTip name={t("dashboard.figures.averageDelay")} formula={t("dashboard.formulas.averageDelay")} />
              </>
            )}
          </p>
          {snapshot.data.currencies.length === 0 ? (
            <p className="empty">{t("dashboard.empty")}</p>
          ) : (
            snapshot.data.currencies.map((kpis) => (
              <div key={kpis.currency} className="dashboard-currency">
                <KpiCurrencyFigures kpis={kpis} filters={filters} />
                <div className="kpi-charts">
                  <AgingChart kpis={kpis} filters={filters} />
                  <DsoTrendChart kpis={kpis} />
                  <CashForecastChart kpis={kpis} />
                </div>
              </div>
            ))
          )}
        </>
      )}
      {me.role === "admin" && snapshot.data && <AgingEdgesForm key={snapshot.data.agingEdges.join(",")} edges={snapshot.data.agingEdges} />}
      <div className="kpi-tables">
        {atRisk.data && <DebtorsAtRiskTable rows={atRisk.data} />}
        {collectors.data && <CollectorActivityTable rows={collectors.data} />}
      </div>
      {disputes.data &&
        (disputes.data.currencies.length === 0 ? (
          <section className="card" aria-labelledby="kpi-disputes-title" data-testid="kpi-disputes">
            <h2 id="kpi-disputes-title">{t("dashboard.disputes.title")}</h2>
            <p className="empty">{t("dashboard.disputes.empty")}</p>
          </section>
        ) : (
          disputes.data.currencies.map((kpis) => <DisputeKpisPanel key={kpis.currency} kpis={kpis} />)
        ))}
    </div>
  );
}
