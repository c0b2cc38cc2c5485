import {
  deleteSavedView,
  listSavedViews as listSavedViewRows,
  upsertSavedView,
  withTenant,
  type SavedViewRow,
} from "@relance/db";
import { notFound, SAVED_VIEW_PAGES, type SavedViewPage } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../deps.ts";
import { DEFAULT_INVOICE_VIEW, invoiceViewFiltersSchema, parseFieldsOrThrow, type InvoiceViewFilters } from "./invoice-filters.ts";

/** The filters each page's views hold. */
const FILTERS_OF_PAGE = { invoices: invoiceViewFiltersSchema } satisfies Record<SavedViewPage, z.ZodType>;
const DEFAULTS_OF_PAGE: Record<SavedViewPage, InvoiceViewFilters> = { invoices: DEFAULT_INVOICE_VIEW };

export const savedViewNameSchema = z.string().trim().min(1, "Give the view a name").max(100);

export interface SavedView {
  id: string;
  page: SavedViewPage;
  name: string;
  filters: InvoiceViewFilters;
  createdAt: Date;
}

/** Stored filters are read through today's schema; a view saved under a shape since changed opens as the default. */
const toSavedView = (row: SavedViewRow): SavedView => {
  const parsed = FILTERS_OF_PAGE[row.page].safeParse(row.filters);
  return { ...row, filters: parsed.success ? parsed.data : DEFAULTS_OF_PAGE[row.page] };
};

const parsePage = (page: unknown): SavedViewPage => parseFieldsOrThrow(z.enum(SAVED_VIEW_PAGES), page, "page");

/** The acting user's own views of a page; nobody else's. */
export const listSavedViews = async (deps: ServiceDeps, actor: Actor, page: SavedViewPage): Promise<SavedView[]> => {
  const valid = parsePage(page);
  return withTenant(deps.db.sql, actor.orgId, async (tx) =>
    (await listSavedViewRows(tx, { userId: actor.userId, page: valid })).map(toSavedView),
  );
};

/** Saves the filters under a name, replacing the user's view of that name on that page if there is one. */
export const saveView = async (
  deps: ServiceDeps,
  actor: Actor,
  input: { page: SavedViewPage; name: string; filters: unknown },
): Promise<SavedView> => {
  const page = parsePage(input.page);
  const name = parseFieldsOrThrow(savedViewNameSchema, input.name, "name");
  const filters = parseFieldsOrThrow(FILTERS_OF_PAGE[page], input.filters, "filters");
  return withTenant(deps.db.sql, actor.orgId, async (tx) =>
    toSavedView(await upsertSavedView(tx, { orgId: actor.orgId, userId: actor.userId, page, name, filters })),
  );
};

/** Deletes one of the user's own views; another user's or another tenant's is NOT_FOUND. */
export const deleteView = async (deps: ServiceDeps, actor: Actor, viewId: string): Promise<void> => {
  const id = parseFieldsOrThrow(z.uuid("Must be a valid id"), viewId, "viewId");
  const deleted = await withTenant(deps.db.sql, actor.orgId, (tx) => deleteSavedView(tx, { userId: actor.userId, viewId: id }));
  if (!deleted) throw notFound("View");
};
