import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { minorAsDecimal } from "../lib/chart-export.ts";
import type { CurrencyKpis } from "../lib/kpi-api-types.ts";
import { KpiChartFrame } from "./kpi-chart-frame.tsx";

/** Expected receipts per week: due dates shifted by the usual delay, and promises. */
export function CashForecastChart({ kpis }: { kpis: CurrencyKpis }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = kpis.forecast.map((w) => ({ ...w, label: format.calendarDate(w.weekStart), due: w.dueMinor / 100, promised: w.promisedMinor / 100 }));
  const title = `${t("dashboard.forecast.title")} — ${kpis.currency}`;
  return (
    <KpiChartFrame
      id={`forecast-${kpis.currency}`}
      title={title}
      formula={t("dashboard.formulas.forecast")}
      data={{
        header: [t("dashboard.forecast.week"), t("dashboard.forecast.due"), t("dashboard.forecast.promised")],
        rows: rows.map((r) => [r.label, format.money(r.dueMinor, kpis.currency), format.money(r.promisedMinor, kpis.currency)]),
        csvRows: rows.map((r) => [r.weekStart, minorAsDecimal(r.dueMinor), minorAsDecimal(r.promisedMinor)]),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d5dce5" />
          <XAxis dataKey="label" tick={{ fill: "#1b2330", fontSize: 12 }} />
          <YAxis width={96} tickFormatter={(v: number) => format.money(v * 100, kpis.currency).replace(/[.,]00(?=\D*$)/, "")} tick={{ fill: "#1b2330", fontSize: 12 }} />
          <Tooltip formatter={(v) => format.money(Number(v) * 100, kpis.currency)} />
          <Legend />
          <Bar dataKey="due" stackId="cash" name={t("dashboard.forecast.due")} fill="#1f4e8c" isAnimationActive={false} />
          <Bar dataKey="promised" stackId="cash" name={t("dashboard.forecast.promised")} fill="#1e6b3a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </KpiChartFrame>
  );
}
