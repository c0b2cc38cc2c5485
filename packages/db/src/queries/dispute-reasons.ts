import type { TenantTx } from "../database.ts";

export interface DisputeReasonRow {
  id: string;
  code: string;
  labelFr: string;
  labelEn: string;
  position: number;
  retiredAt: Date | null;
  /** How many disputes name it (a reason in use is retired, not deleted). */
  useCount: number;
}

/** Seeds the tenant's reasons the first time any is asked for; concurrent seeds insert each code once. */
export const ensureDisputeReasons = async (
  tx: TenantTx,
  orgId: string,
  defaults: readonly { code: string; labelFr: string; labelEn: string }[],
): Promise<void> => {
  const [any] = await tx`select 1 from dispute_reasons limit 1`;
  if (any) return;
  await tx`
    insert into dispute_reasons (org_id, code, label_fr, label_en, position)
    select ${orgId}, code, label_fr, label_en, ord::int * 10
    from unnest(${tx.array(defaults.map((d) => d.code))}::text[], ${tx.array(defaults.map((d) => d.labelFr))}::text[],
                ${tx.array(defaults.map((d) => d.labelEn))}::text[]) with ordinality as t(code, label_fr, label_en, ord)
    on conflict (org_id, code) do nothing`;
};

const reasonColumns = (tx: TenantTx) => tx`
  r.id, r.code, r.label_fr as "labelFr", r.label_en as "labelEn", r.position, r.retired_at as "retiredAt",
  (select count(*)::int from disputes d where d.reason_id = r.id) as "useCount"`;

export const listDisputeReasons = (tx: TenantTx): Promise<DisputeReasonRow[]> =>
  tx<DisputeReasonRow[]>`select ${reasonColumns(tx)} from dispute_reasons r order by r.retired_at is not null, r.position, r.code`;

export const findDisputeReason = async (tx: TenantTx, id: string): Promise<DisputeReasonRow | undefined> => {
  const [row] = await tx<DisputeReasonRow[]>`select ${reasonColumns(tx)} from dispute_reasons r where r.id = ${id} for update`;
  return row;
};

/** Null when the code is taken. */
export const insertDisputeReason = async (
  tx: TenantTx,
  r: { orgId: string; code: string; labelFr: string; labelEn: string },
): Promise<string | null> => {
  const [row] = await tx<{ id: string }[]>`
    insert into dispute_reasons (org_id, code, label_fr, label_en, position)
    values (${r.orgId}, ${r.code}, ${r.labelFr}, ${r.labelEn}, (select coalesce(max(position), 0) + 10 from dispute_reasons))
    on conflict (org_id, code) do nothing returning id`;
  return row?.id ?? null;
};

/** Sets the fields given; `retired: false` brings a retired reason back. */
export const updateDisputeReason = async (
  tx: TenantTx,
  id: string,
  f: { labelFr?: string; labelEn?: string; position?: number; retired?: boolean },
): Promise<void> => {
  await tx`
    update dispute_reasons set
      label_fr = coalesce(${f.labelFr ?? null}, label_fr),
      label_en = coalesce(${f.labelEn ?? null}, label_en),
      position = coalesce(${f.position ?? null}::int, position),
      retired_at = case when ${f.retired === undefined} then retired_at when ${f.retired ?? false} then coalesce(retired_at, now()) else null end
    where id = ${id}`;
};

/** Deletes an unused reason; false when a dispute names it. */
export const deleteUnusedDisputeReason = async (tx: TenantTx, id: string): Promise<boolean> => {
  const rows = await tx`delete from dispute_reasons r where r.id = ${id} and not exists (select 1 from disputes d where d.reason_id = r.id) returning 1`;
  return rows.length > 0;
};
