import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useChangeHighlight } from "../hooks/use-change-highlight.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { minorAsDecimal } from "../lib/chart-export.ts";
import type { DashboardFilters } from "../lib/dashboard-params.ts";
import { invoicesUrlFor } from "../lib/kpi-drill-down.ts";
import type { AgingBucketFigure, CurrencyKpis } from "../lib/kpi-api-types.ts";
import { KpiChartFrame } from "./kpi-chart-frame.tsx";

const bucketLabel = (b: AgingBucketFigure, t: TFunction<"translation">): string =>
  b.key === "not-due" ? t("dashboard.aging.notDue") : b.maxDays === null ? t("dashboard.aging.over", { min: (b.minDays ?? 1) - 1 }) : t("dashboard.aging.range", { min: b.minDays, max: b.maxDays });

function BucketAmount({ currency, bucket, text }: { currency: string; bucket: AgingBucketFigure; text: string }) {
  const changed = useChangeHighlight(bucket.openMinor);
  return (
    <span data-testid={`aging-${currency}-${bucket.key}`} data-value={bucket.openMinor} className={changed ? "kpi-changed" : undefined}>
      {text}
    </span>
  );
}

/** Aging bars of one currency; a bar (or its row in the data table) opens the invoices of that bucket. */
export function AgingChart({ kpis, filters }: { kpis: CurrencyKpis; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const rows = kpis.aging.map((b) => ({ ...b, label: bucketLabel(b, t), amount: b.openMinor / 100 }));
  const urlOf = (key: string) => invoicesUrlFor({ currency: kpis.currency, ownerId: filters.ownerId, segment: filters.segment, jurisdiction: filters.jurisdiction, slice: key });
  const title = `${t("dashboard.aging.title")} — ${kpis.currency}`;
  return (
    <KpiChartFrame
      id={`aging-${kpis.currency}`}
      title={title}
      formula={t("dashboard.formulas.aging")}
      data={{
        header: [t("dashboard.aging.title"), `${t("dashboard.aging.amount")} (${kpis.currency})`],
        rows: rows.map((r) => [
          <Link key="l" to={urlOf(r.key)}>
            {r.label}
          </Link>,
          <BucketAmount key="a" currency={kpis.currency} bucket={r} text={format.money(r.openMinor, kpis.currency)} />,
        ]),
        csvRows: rows.map((r) => [r.label, minorAsDecimal(r.openMinor)]),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d5dce5" />
          <XAxis dataKey="label" interval={0} tick={{ fill: "#1b2330", fontSize: 11 }} />
          <YAxis tickFormatter={(v: number) => format.money(v * 100, kpis.currency).replace(/[.,]00(?=\D*$)/, "")} width={96} tick={{ fill: "#1b2330", fontSize: 12 }} />
          <Tooltip formatter={(v) => format.money(Number(v) * 100, kpis.currency)} />
          <Bar
            dataKey="amount"
            name={t("dashboard.aging.amount")}
            fill="#1f4e8c"
            cursor="pointer"
            isAnimationActive={false}
            onClick={(entry) => {
              const key = (entry as unknown as { key?: string; payload?: { key?: string } }).payload?.key;
              if (key) void navigate(urlOf(key));
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </KpiChartFrame>
  );
}
