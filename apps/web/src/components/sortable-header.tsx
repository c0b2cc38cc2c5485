import type { SortDirection } from "@relance/domain";
import { useTranslation } from "react-i18next";

export interface SortableHeaderProps<K extends string> {
  sortKey: K;
  label: string;
  /** The key and direction the table is sorted by now. */
  current: { sort: K; direction: SortDirection };
  onSort: (key: K) => void;
  numeric?: boolean;
}

/** A column header that sorts the table by its column; `aria-sort` tells assistive technology the current order. */
export function SortableHeader<K extends string>({ sortKey, label, current, onSort, numeric = false }: SortableHeaderProps<K>) {
  const { t } = useTranslation();
  const active = current.sort === sortKey;
  const ariaSort = active ? (current.direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? "numeric" : undefined}>
      <button
        type="button"
        className="sort-button"
        data-testid={`sort-${sortKey}`}
        title={t("invoices.sortBy", { column: label })}
        onClick={() => onSort(sortKey)}
      >
        {label}
        <span aria-hidden="true" className="sort-indicator">
          {active ? (current.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
