import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../lib/trpc.ts";
import { FilterSelect } from "./filter-select.tsx";
import type { DashboardFilters } from "../lib/dashboard-params.ts";

/** The dashboard's filters: owner, segment, jurisdiction, currency, as-of date and period. */
export function KpiFiltersBar({ value, onChange, onReset }: { value: DashboardFilters; onChange: (next: DashboardFilters) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const owners = useQuery(trpc.debtors.owners.queryOptions());
  const set = (patch: Partial<DashboardFilters>) => onChange({ ...value, ...patch });
  return (
    <form className="filters kpi-filters" aria-label={t("dashboard.filters.label")} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect
        id="kpi-owner"
        testId="kpi-filter-owner"
        label={t("dashboard.filters.owner")}
        value={value.ownerId ?? ""}
        anyLabel={t("dashboard.filters.anyOwner")}
        options={[{ value: "none", label: t("dashboard.filters.noOwner") }, ...(owners.data ?? []).map((o) => ({ value: o.userId, label: o.displayName }))]}
        onChange={(v) => set({ ownerId: v || null })}
      />
      <FilterSelect
        id="kpi-segment"
        testId="kpi-filter-segment"
        label={t("dashboard.filters.segment")}
        value={value.segment ?? ""}
        anyLabel={t("dashboard.filters.anySegment")}
        options={[{ value: "b2b", label: t("dashboard.filters.b2b") }, { value: "b2c", label: t("dashboard.filters.b2c") }]}
        onChange={(v) => set({ segment: v === "b2b" || v === "b2c" ? v : null })}
      />
      <FilterSelect
        id="kpi-jurisdiction"
        testId="kpi-filter-jurisdiction"
        label={t("dashboard.filters.jurisdiction")}
        value={value.jurisdiction ?? ""}
        anyLabel={t("dashboard.filters.anyJurisdiction")}
        options={[{ value: "FR", label: "FR" }, { value: "CH", label: "CH" }]}
        onChange={(v) => set({ jurisdiction: v === "FR" || v === "CH" ? v : null })}
      />
      <FilterSelect
        id="kpi-currency"
        testId="kpi-filter-currency"
        label={t("dashboard.filters.currency")}
        value={value.currency ?? ""}
        anyLabel={t("dashboard.filters.anyCurrency")}
        options={[{ value: "EUR", label: "EUR" }, { value: "CHF", label: "CHF" }]}
        onChange={(v) => set({ currency: v === "EUR" || v === "CHF" ? v : null })}
      />
      <div className="field">
        <label htmlFor="kpi-as-of">{t("dashboard.filters.asOf")}</label>
        <input id="kpi-as-of" type="date" data-testid="kpi-filter-as-of" value={value.asOf ?? ""} onChange={(e) => set({ asOf: e.target.value || null })} />
      </div>
      <div className="field">
        <label htmlFor="kpi-from">{t("dashboard.filters.from")}</label>
        <input id="kpi-from" type="date" value={value.from ?? ""} onChange={(e) => set({ from: e.target.value || null })} />
      </div>
      <div className="field">
        <label htmlFor="kpi-to">{t("dashboard.filters.to")}</label>
        <input id="kpi-to" type="date" value={value.to ?? ""} onChange={(e) => set({ to: e.target.value || null })} />
      </div>
      <button type="button" className="button-secondary" onClick={onReset}>
        {t("dashboard.filters.reset")}
      </button>
    </form>
  );
}
