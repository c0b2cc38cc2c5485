import { useTranslation } from "react-i18next";
import type { Messages } from "../i18n/fr.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DashboardFilters } from "../lib/dashboard-params.ts";
import { invoicesUrlFor } from "../lib/kpi-drill-down.ts";
import type { CurrencyKpis } from "../lib/kpi-api-types.ts";
import { KpiFigure } from "./kpi-figure.tsx";

/** The headline figures of one currency, each with its formula and a way to the invoices behind it. */
export function KpiCurrencyFigures({ kpis, filters }: { kpis: CurrencyKpis; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const c = kpis.currency;
  const scope = { currency: c, ownerId: filters.ownerId, segment: filters.segment, jurisdiction: filters.jurisdiction };
  const decimal = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 });
  const days = (v: number | null) => (v === null ? t("dashboard.figures.none") : t("dashboard.figures.days", { value: decimal.format(v) }));
  const percent = (v: number | null) => (v === null ? t("dashboard.figures.none") : t("dashboard.figures.percent", { value: decimal.format(v) }));
  const f = (key: keyof Messages["dashboard"]["formulas"]) => t(`dashboard.formulas.${key}`);
  return (
    <section className="card kpi-currency" aria-labelledby={`kpi-${c}-title`} data-testid={`kpi-currency-${c}`}>
      <h2 id={`kpi-${c}-title`} className="summary-currency">
        {t("dashboard.currencyTitle", { currency: c })}
      </h2>
      <dl className="kpi-figures">
        <KpiFigure
          testId={`kpi-total-${c}`}
          label={t("dashboard.figures.total")}
          formula={f("total")}
          text={format.money(kpis.totalMinor, c)}
          value={kpis.totalMinor}
          detail={kpis.openCount === null ? undefined : t("dashboard.figures.items", { count: kpis.openCount })}
          drillDown={invoicesUrlFor({ ...scope, slice: null })}
        />
        <KpiFigure
          testId={`kpi-overdue-${c}`}
          label={t("dashboard.figures.overdue")}
          formula={f("overdue")}
          text={format.money(kpis.overdueMinor, c)}
          value={kpis.overdueMinor}
          detail={kpis.overdueCount === null ? undefined : t("dashboard.figures.items", { count: kpis.overdueCount })}
          drillDown={invoicesUrlFor({ ...scope, slice: "overdue" })}
        />
        <KpiFigure testId={`kpi-dso-${c}`} label={t("dashboard.figures.dso")} formula={f("dso")} text={days(kpis.dso.standard)} value={kpis.dso.standard} />
        <KpiFigure
          testId={`kpi-countback-${c}`}
          label={t("dashboard.figures.countBack")}
          formula={f("countBack")}
          text={kpis.dso.countBackExhausted && kpis.dso.countBack !== null ? t("dashboard.figures.atLeast", { value: decimal.format(kpis.dso.countBack) }) : days(kpis.dso.countBack)}
          value={kpis.dso.countBack}
        />
        <KpiFigure testId={`kpi-bpdso-${c}`} label={t("dashboard.figures.bestPossible")} formula={f("bestPossible")} text={days(kpis.dso.bestPossible)} value={kpis.dso.bestPossible} />
        <KpiFigure testId={`kpi-add-${c}`} label={t("dashboard.figures.add")} formula={f("add")} text={days(kpis.dso.averageDaysDelinquent)} value={kpis.dso.averageDaysDelinquent} />
        <KpiFigure testId={`kpi-cei-${c}`} label={t("dashboard.figures.cei")} formula={f("cei")} text={percent(kpis.dso.cei)} value={kpis.dso.cei} />
        <KpiFigure
          testId={`kpi-sales-${c}`}
          label={t("dashboard.figures.creditSales")}
          formula={f("creditSales")}
          text={format.money(kpis.dso.creditSalesMinor, c)}
          value={kpis.dso.creditSalesMinor}
        />
        <KpiFigure
          testId={`kpi-kept-${c}`}
          label={t("dashboard.figures.keptRate")}
          formula={f("keptRate")}
          text={percent(kpis.promises.keptRate)}
          value={kpis.promises.keptRate}
          detail={t("dashboard.figures.pendingPromises", { count: kpis.promises.pending })}
        />
        <KpiFigure
          testId={`kpi-promised-week-${c}`}
          label={t("dashboard.figures.dueThisWeek")}
          formula={f("dueThisWeek")}
          text={format.money(kpis.promises.dueThisWeekMinor, c)}
          value={kpis.promises.dueThisWeekMinor}
        />
      </dl>
    </section>
  );
}
