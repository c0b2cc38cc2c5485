import { COUNTRIES, DEBTOR_SORT_KEYS, type Country, type DebtorSortKey } from "@relance/domain";

export interface DebtorListView {
  search: string | null;
  sort: DebtorSortKey;
  segment: "b2b" | "b2c" | null;
  jurisdiction: Country | null;
  ownerId: string | null;
  overdueOnly: boolean;
  overLimitOnly: boolean;
}

export const DEFAULT_DEBTOR_VIEW: DebtorListView = { search: null, sort: "name", segment: null, jurisdiction: null, ownerId: null, overdueOnly: false, overLimitOnly: false };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEGMENTS = ["b2b", "b2c"] as const;

const oneOf = <T extends string>(values: readonly T[], text: string | null): T | null =>
  text !== null && (values as readonly string[]).includes(text) ? (text as T) : null;

/** The debtor list's view and page from the query string; what does not parse stays at its default. */
export const readDebtorView = (params: URLSearchParams): { view: DebtorListView; page: number } => {
  const owner = params.get("owner") ?? "";
  const view: DebtorListView = {
    search: params.get("q")?.trim().slice(0, 200) || null,
    sort: oneOf(DEBTOR_SORT_KEYS, params.get("sort")) ?? DEFAULT_DEBTOR_VIEW.sort,
    segment: oneOf(SEGMENTS, params.get("segment")),
    jurisdiction: oneOf(COUNTRIES, params.get("jurisdiction")),
    ownerId: UUID.test(owner) ? owner : null,
    overdueOnly: params.get("overdue") === "1",
    overLimitOnly: params.get("overLimit") === "1",
  };
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1) - 1;
  return { view, page };
};

/** The query string of a view and page (1-based in the URL), defaults left out. */
export const writeDebtorView = (view: DebtorListView, page = 0): URLSearchParams => {
  const params = new URLSearchParams();
  if (view.search) params.set("q", view.search);
  if (view.sort !== DEFAULT_DEBTOR_VIEW.sort) params.set("sort", view.sort);
  if (view.segment) params.set("segment", view.segment);
  if (view.jurisdiction) params.set("jurisdiction", view.jurisdiction);
  if (view.ownerId) params.set("owner", view.ownerId);
  if (view.overdueOnly) params.set("overdue", "1");
  if (view.overLimitOnly) params.set("overLimit", "1");
  if (page > 0) params.set("page", String(page + 1));
  return params;
};
