import { useTranslation } from "react-i18next";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { CurrencyKpis } from "../lib/kpi-api-types.ts";
import { KpiChartFrame } from "./kpi-chart-frame.tsx";

/** Standard and count-back DSO at each month end over 12 months. */
export function DsoTrendChart({ kpis }: { kpis: CurrencyKpis }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(format.locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
  const days = (v: number | null) => (v === null ? t("dashboard.figures.none") : t("dashboard.figures.days", { value: new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(v) }));
  const rows = kpis.dsoTrend.map((p) => ({ ...p, label: monthName(p.month) }));
  const title = `${t("dashboard.trend.title")} — ${kpis.currency}`;
  return (
    <KpiChartFrame
      id={`dso-${kpis.currency}`}
      title={title}
      formula={t("dashboard.formulas.trend")}
      data={{
        header: [t("dashboard.trend.month"), t("dashboard.trend.standard"), t("dashboard.trend.countBack")],
        rows: rows.map((r) => [r.label, days(r.standard), days(r.countBack)]),
        csvRows: rows.map((r) => [r.month, r.standard, r.countBack]),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d5dce5" />
          <XAxis dataKey="label" tick={{ fill: "#1b2330", fontSize: 12 }} />
          <YAxis tick={{ fill: "#1b2330", fontSize: 12 }} width={40} />
          <Tooltip formatter={(v) => days(v === null || v === undefined ? null : Number(v))} />
          <Legend />
          <Line type="monotone" dataKey="standard" name={t("dashboard.trend.standard")} stroke="#1f4e8c" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="countBack" name={t("dashboard.trend.countBack")} stroke="#8a5300" strokeWidth={2} strokeDasharray="6 3" connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </KpiChartFrame>
  );
}
