import { CURRENCIES, OVERDUE_BUCKETS, type Currency, type OverdueBucket } from "@relance/domain";
import { useTranslation } from "react-i18next";
import type { InvoiceView, SalesOwner } from "../lib/api-types.ts";
import { AmountFilterInput } from "./amount-filter-input.tsx";
import { FilterSelect } from "./filter-select.tsx";
import { SearchFilterInput } from "./search-filter-input.tsx";
import { StatusFilter } from "./status-filter.tsx";

export interface InvoiceFiltersProps {
  view: InvoiceView;
  owners: SalesOwner[];
  onChange: (patch: Partial<InvoiceView>) => void;
  onReset: () => void;
}

const oneOf = <T extends string>(values: readonly T[], text: string): T | null =>
  (values as readonly string[]).includes(text) ? (text as T) : null;

/** The invoice list's filters; each change applies at once (text fields once typing pauses). */
export function InvoiceFilters({ view, owners, onChange, onReset }: InvoiceFiltersProps) {
  const { t } = useTranslation();
  return (
    <section className="filters card" aria-label={t("invoices.filters")} data-testid="invoice-filters">
      <SearchFilterInput
        label={t("invoices.search")}
        placeholder={t("invoices.searchPlaceholder")}
        value={view.search}
        onChange={(search) => onChange({ search })}
        testId="invoices-search"
      />
      <StatusFilter value={view.statuses} onChange={(statuses) => onChange({ statuses })} />
      <div className="filters-row">
        <FilterSelect
          id="filter-bucket"
          testId="filter-bucket"
          label={t("invoices.bucketFilter")}
          value={view.bucket ?? ""}
          anyLabel={t("invoices.any")}
          options={OVERDUE_BUCKETS.map((bucket) => ({ value: bucket, label: t(`ledger.buckets.${bucket}`) }))}
          onChange={(value) => onChange({ bucket: oneOf<OverdueBucket>(OVERDUE_BUCKETS, value) })}
        />
        <FilterSelect
          id="filter-owner"
          testId="filter-owner"
          label={t("invoices.ownerFilter")}
          value={view.ownerId ?? ""}
          anyLabel={t("invoices.any")}
          options={owners.map((owner) => ({ value: owner.userId, label: owner.displayName }))}
          onChange={(value) => onChange({ ownerId: value || null })}
        />
        <FilterSelect
          id="filter-currency"
          testId="filter-currency"
          label={t("invoices.currencyFilter")}
          value={view.currency ?? ""}
          anyLabel={t("invoices.anyCurrency")}
          options={CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
          onChange={(value) => onChange({ currency: oneOf<Currency>(CURRENCIES, value) })}
        />
        <FilterSelect
          id="filter-segment"
          testId="filter-segment"
          label={t("dashboard.filters.segment")}
          value={view.segment ?? ""}
          anyLabel={t("invoices.any")}
          options={[{ value: "b2b", label: t("dashboard.filters.b2b") }, { value: "b2c", label: t("dashboard.filters.b2c") }]}
          onChange={(value) => onChange({ segment: oneOf(["b2b", "b2c"] as const, value) })}
        />
        <FilterSelect
          id="filter-jurisdiction"
          testId="filter-jurisdiction"
          label={t("dashboard.filters.jurisdiction")}
          value={view.jurisdiction ?? ""}
          anyLabel={t("invoices.any")}
          options={[{ value: "FR", label: "FR" }, { value: "CH", label: "CH" }]}
          onChange={(value) => onChange({ jurisdiction: oneOf(["FR", "CH"] as const, value) })}
        />
        <div className="field field-inline">
          <input id="filter-overdue" type="checkbox" data-testid="filter-overdue" checked={view.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} />
          <label htmlFor="filter-overdue">{t("dashboard.filters.overdueOnly")}</label>
        </div>
        <AmountFilterInput label={t("invoices.minOpen")} value={view.minOpenMinor} onChange={(minOpenMinor) => onChange({ minOpenMinor })} testId="filter-min" />
        <AmountFilterInput label={t("invoices.maxOpen")} value={view.maxOpenMinor} onChange={(maxOpenMinor) => onChange({ maxOpenMinor })} testId="filter-max" />
        <button type="button" className="button button-quiet" data-testid="filters-reset" onClick={onReset}>
          {t("invoices.reset")}
        </button>
      </div>
    </section>
  );
}
