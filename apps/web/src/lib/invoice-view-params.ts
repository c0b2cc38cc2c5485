import {
  CURRENCIES,
  INVOICE_SORT_KEYS,
  INVOICE_STATUSES,
  OPEN_ITEM_STATUSES,
  OVERDUE_BUCKETS,
  SORT_DIRECTIONS,
  type InvoiceSortKey,
  type SortDirection,
} from "@relance/domain";
import type { InvoiceView } from "./api-types.ts";

/** The standard invoice view: open items, oldest due first. */
export const DEFAULT_INVOICE_VIEW: InvoiceView = {
  statuses: [...OPEN_ITEM_STATUSES],
  bucket: null,
  ownerId: null,
  currency: null,
  segment: null,
  jurisdiction: null,
  overdue: false,
  minOpenMinor: null,
  maxOpenMinor: null,
  debtorId: null,
  search: null,
  sort: "dueDate",
  direction: "asc",
};

/** The direction a column sorts in when first chosen: the most urgent or largest first. */
export const FIRST_DIRECTION: Record<InvoiceSortKey, SortDirection> = {
  dueDate: "asc",
  openMinor: "desc",
  daysPastDue: "desc",
  debtorName: "asc",
  number: "asc",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALL_STATUSES = "all";

const oneOf = <T extends string>(values: readonly T[], text: string | null): T | null =>
  text !== null && (values as readonly string[]).includes(text) ? (text as T) : null;

const wholeNumber = (text: string | null): number | null => (text !== null && /^-?\d{1,15}$/.test(text) ? Number(text) : null);

const readStatuses = (text: string | null): InvoiceView["statuses"] => {
  if (text === null) return DEFAULT_INVOICE_VIEW.statuses;
  if (text === ALL_STATUSES) return [];
  const statuses = text.split(",").flatMap((s) => oneOf(INVOICE_STATUSES, s) ?? []);
  return statuses.length > 0 ? [...new Set(statuses)] : DEFAULT_INVOICE_VIEW.statuses;
};

/**
 * The view and page a URL's query string asks for. Lenient: whatever does not parse is left at its default, so a
 * hand-edited or outdated link still opens.
 */
export const readInvoiceView = (params: URLSearchParams): { view: InvoiceView; page: number } => {
  const text = (name: string) => params.get(name);
  const uuid = (name: string) => (UUID.test(text(name) ?? "") ? text(name) : null);
  const view: InvoiceView = {
    statuses: readStatuses(text("status")),
    bucket: oneOf(OVERDUE_BUCKETS, text("bucket")),
    ownerId: uuid("owner"),
    currency: oneOf(CURRENCIES, text("currency")),
    segment: oneOf(["b2b", "b2c"] as const, text("segment")),
    jurisdiction: oneOf(["FR", "CH"] as const, text("jurisdiction")),
    overdue: text("overdue") === "1",
    minOpenMinor: wholeNumber(text("min")),
    maxOpenMinor: wholeNumber(text("max")),
    debtorId: uuid("debtor"),
    search: text("q")?.trim().slice(0, 100) || null,
    sort: oneOf(INVOICE_SORT_KEYS, text("sort")) ?? DEFAULT_INVOICE_VIEW.sort,
    direction: oneOf(SORT_DIRECTIONS, text("dir")) ?? DEFAULT_INVOICE_VIEW.direction,
  };
  if (view.minOpenMinor !== null && view.maxOpenMinor !== null && view.minOpenMinor > view.maxOpenMinor) view.maxOpenMinor = null;
  const page = Math.max(1, wholeNumber(text("page")) ?? 1) - 1;
  return { view, page };
};

const sameStatuses = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

/** The query string of a view and page (1-based in the URL); defaults are left out to keep links short. */
export const writeInvoiceView = (view: InvoiceView, page = 0): URLSearchParams => {
  const params = new URLSearchParams();
  if (!sameStatuses(view.statuses, DEFAULT_INVOICE_VIEW.statuses)) {
    params.set("status", view.statuses.length === 0 ? ALL_STATUSES : view.statuses.join(","));
  }
  const optional: [string, string | number | null][] = [
    ["bucket", view.bucket],
    ["owner", view.ownerId],
    ["currency", view.currency],
    ["segment", view.segment],
    ["jurisdiction", view.jurisdiction],
    ["overdue", view.overdue ? "1" : null],
    ["min", view.minOpenMinor],
    ["max", view.maxOpenMinor],
    ["debtor", view.debtorId],
    ["q", view.search],
  ];
  for (const [name, value] of optional) if (value !== null && value !== "") params.set(name, String(value));
  if (view.sort !== DEFAULT_INVOICE_VIEW.sort || view.direction !== DEFAULT_INVOICE_VIEW.direction) {
    params.set("sort", view.sort);
    params.set("dir", view.direction);
  }
  if (page > 0) params.set("page", String(page + 1));
  return params;
};

/** The view with the column sorted: the same column flips its direction, another starts in its first direction. */
export const sortedBy = (view: InvoiceView, sort: InvoiceSortKey): InvoiceView => ({
  ...view,
  sort,
  direction: view.sort === sort ? (view.direction === "asc" ? "desc" : "asc") : FIRST_DIRECTION[sort],
});
