import { DISPUTE_STATUSES, type DisputeStatus } from "@relance/domain";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { minorAsDecimal } from "../lib/chart-export.ts";
import type { CurrencyDisputeKpis } from "../lib/kpi-api-types.ts";
import { KpiChartFrame } from "./kpi-chart-frame.tsx";
import { KpiFigure } from "./kpi-figure.tsx";

/** Dispute KPIs of one currency: headline figures, the status funnel, reasons and time spent per status. */
export function DisputeKpisPanel({ kpis }: { kpis: CurrencyDisputeKpis }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const c = kpis.currency;
  const decimal = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 });
  const statusLabel = (status: string) => t(`disputes.statuses.${status as DisputeStatus}`);
  const funnel = DISPUTE_STATUSES.map((status) => {
    const row = kpis.byStatus.find((s) => s.status === status);
    return { status, label: statusLabel(status), count: row?.count ?? 0, amountMinor: row?.amountMinor ?? 0 };
  });
  const reasonLabel = (r: { labelFr: string; labelEn: string }) => (i18n.language.startsWith("fr") ? r.labelFr : r.labelEn);
  const none = t("dashboard.figures.none");
  return (
    <section className="card kpi-currency" aria-labelledby={`kpi-disputes-${c}`} data-testid={`kpi-disputes-${c}`}>
      <h2 id={`kpi-disputes-${c}`} className="summary-currency">
        {t("dashboard.disputes.title")} — {c}
      </h2>
      <dl className="kpi-figures">
        <KpiFigure testId={`kpi-disputes-open-${c}`} label={t("dashboard.disputes.open")} formula={t("dashboard.formulas.disputesOpen")} text={format.integer(kpis.openCount)} value={kpis.openCount} />
        <KpiFigure testId={`kpi-disputes-amount-${c}`} label={t("dashboard.disputes.openAmount")} formula={t("dashboard.formulas.disputesOpen")} text={format.money(kpis.openMinor, c)} value={kpis.openMinor} />
        <KpiFigure
          testId={`kpi-disputes-age-${c}`}
          label={t("dashboard.disputes.age")}
          formula={t("dashboard.formulas.disputesAge")}
          text={kpis.averageAgeDays === null ? none : t("dashboard.disputes.ageValue", { average: decimal.format(kpis.averageAgeDays), oldest: kpis.oldestAgeDays ?? 0 })}
          value={kpis.averageAgeDays}
        />
        <KpiFigure testId={`kpi-disputes-overdue-${c}`} label={t("dashboard.disputes.overdue")} formula={t("dashboard.formulas.disputesSla")} text={format.integer(kpis.overdueCount)} value={kpis.overdueCount} />
        <KpiFigure
          testId={`kpi-disputes-sla-${c}`}
          label={t("dashboard.disputes.slaRate")}
          formula={t("dashboard.formulas.disputesSla")}
          text={
            kpis.resolvedInSlaRate === null
              ? none
              : t("dashboard.disputes.slaValue", { rate: t("dashboard.figures.percent", { value: decimal.format(kpis.resolvedInSlaRate) }), count: kpis.resolvedInSla, total: kpis.resolvedInPeriod })
          }
          value={kpis.resolvedInSlaRate}
        />
      </dl>
      <div className="kpi-charts">
        <KpiChartFrame
          id={`dispute-funnel-${c}`}
          title={`${t("dashboard.disputes.funnel")} — ${c}`}
          formula={t("dashboard.formulas.disputesFunnel")}
          data={{
            header: [t("disputes.statusLabel"), t("dashboard.disputes.count"), `${t("dashboard.disputes.amount")} (${c})`],
            rows: funnel.map((f) => [f.label, format.integer(f.count), format.money(f.amountMinor, c)]),
            csvRows: funnel.map((f) => [f.status, f.count, minorAsDecimal(f.amountMinor)]),
          }}
        >
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={funnel} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d5dce5" />
              <XAxis type="number" allowDecimals={false} tick={{ fill: "#1b2330", fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fill: "#1b2330", fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="count" name={t("dashboard.disputes.count")} fill="#1f4e8c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </KpiChartFrame>
        <KpiChartFrame
          id={`dispute-waiting-${c}`}
          title={`${t("dashboard.disputes.waiting")} — ${c}`}
          formula={t("dashboard.formulas.disputesWaiting")}
          data={{
            header: [t("disputes.statusLabel"), t("dashboard.disputes.days"), t("dashboard.disputes.disputes")],
            rows: kpis.daysByStatus.map((w) => [statusLabel(w.status), decimal.format(w.days), format.integer(w.disputes)]),
            csvRows: kpis.daysByStatus.map((w) => [w.status, w.days, w.disputes]),
          }}
        >
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={kpis.daysByStatus.map((w) => ({ ...w, label: statusLabel(w.status) }))} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d5dce5" />
              <XAxis dataKey="label" tick={{ fill: "#1b2330", fontSize: 12 }} />
              <YAxis tick={{ fill: "#1b2330", fontSize: 12 }} width={40} />
              <Tooltip />
              <Bar dataKey="days" name={t("dashboard.disputes.days")} fill="#8a5300" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </KpiChartFrame>
      </div>
      {kpis.byReason.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid={`dispute-reasons-${c}`}>
            <caption>{t("dashboard.disputes.reasons")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.disputes.reason")}</th>
                <th scope="col" className="numeric">{t("dashboard.disputes.count")}</th>
                <th scope="col" className="numeric">{t("dashboard.disputes.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.byReason.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{reasonLabel(r)}</th>
                  <td className="numeric">{format.integer(r.count)}</td>
                  <td className="numeric">{format.money(r.amountMinor, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
