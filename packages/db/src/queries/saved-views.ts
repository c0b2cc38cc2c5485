import type { SavedViewPage } from "@relance/domain";
import type { TenantTx } from "../database.ts";

export interface SavedViewRow {
  id: string;
  page: SavedViewPage;
  name: string;
  /** As stored: the service validates it against the page's filter schema on the way in and out. */
  filters: unknown;
  createdAt: Date;
}

const columns = (tx: TenantTx) => tx`id, page, name, filters, created_at as "createdAt"`;

export const listSavedViews = (tx: TenantTx, q: { userId: string; page: SavedViewPage }): Promise<SavedViewRow[]> =>
  tx<SavedViewRow[]>`
    select ${columns(tx)} from saved_views
    where user_id = ${q.userId}::uuid and page = ${q.page}
    order by lower(name), id`;

/** Saving under an existing name replaces that view's filters. */
export const upsertSavedView = async (
  tx: TenantTx,
  view: { orgId: string; userId: string; page: SavedViewPage; name: string; filters: unknown },
): Promise<SavedViewRow> => {
  const [row] = await tx<SavedViewRow[]>`
    insert into saved_views (org_id, user_id, page, name, filters)
    values (${view.orgId}::uuid, ${view.userId}::uuid, ${view.page}, ${view.name}, ${tx.json(view.filters as never)})
    on conflict (org_id, user_id, page, name) do update set filters = excluded.filters
    returning ${columns(tx)}`;
  return row!;
};

/** Deletes one of the user's own views; false when there is none with this id (another user's included). */
export const deleteSavedView = async (tx: TenantTx, q: { userId: string; viewId: string }): Promise<boolean> => {
  const rows = await tx`delete from saved_views where id = ${q.viewId}::uuid and user_id = ${q.userId}::uuid returning id`;
  return rows.length > 0;
};
