import { COUNTRIES, DEBTOR_SORT_KEYS, type Country, type DebtorSortKey } from "@relance/domain";
import { useTranslation } from "react-i18next";
import type { SalesOwner } from "../lib/api-types.ts";
import type { DebtorListView } from "../lib/debtor-list-params.ts";
import { FilterSelect } from "./filter-select.tsx";
import { SearchFilterInput } from "./search-filter-input.tsx";

export interface DebtorFiltersProps {
  view: DebtorListView;
  owners: SalesOwner[];
  onChange: (patch: Partial<DebtorListView>) => void;
}

const SEGMENTS = ["b2b", "b2c"] as const;
const oneOf = <T extends string>(values: readonly T[], text: string): T | null =>
  (values as readonly string[]).includes(text) ? (text as T) : null;

/** Search, sort and filters of the debtor list; each change applies at once (the search once typing pauses). */
export function DebtorFilters({ view, owners, onChange }: DebtorFiltersProps) {
  const { t } = useTranslation();
  return (
    <section className="toolbar toolbar-wrap" aria-label={t("debtors.filters")}>
      <SearchFilterInput
        label={t("debtors.search")}
        placeholder={t("debtors.searchPlaceholder")}
        value={view.search}
        onChange={(search) => onChange({ search })}
        testId="debtors-search"
      />
      <FilterSelect
        id="debtors-sort"
        testId="debtors-sort"
        label={t("debtors.sort")}
        value={view.sort}
        options={DEBTOR_SORT_KEYS.map((key) => ({ value: key, label: t(`debtors.sorts.${key}`) }))}
        onChange={(value) => onChange({ sort: oneOf<DebtorSortKey>(DEBTOR_SORT_KEYS, value) ?? "name" })}
      />
      <FilterSelect
        id="debtors-segment"
        testId="debtors-segment"
        label={t("debtors.segmentFilter")}
        value={view.segment ?? ""}
        anyLabel={t("debtors.any")}
        options={SEGMENTS.map((segment) => ({ value: segment, label: t(`debtors.segments.${segment}`) }))}
        onChange={(value) => onChange({ segment: oneOf(SEGMENTS, value) })}
      />
      <FilterSelect
        id="debtors-jurisdiction"
        testId="debtors-jurisdiction"
        label={t("debtors.jurisdictionFilter")}
        value={view.jurisdiction ?? ""}
        anyLabel={t("debtors.any")}
        options={COUNTRIES.map((country) => ({ value: country, label: t(`debtors.jurisdictions.${country}`) }))}
        onChange={(value) => onChange({ jurisdiction: oneOf<Country>(COUNTRIES, value) })}
      />
      <FilterSelect
        id="debtors-owner"
        testId="debtors-owner"
        label={t("debtors.ownerFilter")}
        value={view.ownerId ?? ""}
        anyLabel={t("debtors.any")}
        options={owners.map((owner) => ({ value: owner.userId, label: owner.displayName }))}
        onChange={(value) => onChange({ ownerId: value || null })}
      />
      <label className="checkbox">
        <input type="checkbox" data-testid="debtors-overdue-only" checked={view.overdueOnly} onChange={(e) => onChange({ overdueOnly: e.target.checked })} />
        {t("debtors.overdueOnly")}
      </label>
      <label className="checkbox">
        <input type="checkbox" data-testid="debtors-over-limit" checked={view.overLimitOnly} onChange={(e) => onChange({ overLimitOnly: e.target.checked })} />
        {t("debtors.overLimitOnly")}
      </label>
    </section>
  );
}
