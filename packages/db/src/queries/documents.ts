import type { TenantTx } from "../database.ts";

export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the last update read, so that compaction removes only what it folded in. */
  lastUpdateId: number;
}

export const loadDocument = async (tx: TenantTx, name: string): Promise<StoredDocument> => {
  const [doc] = await tx<{ snapshot: Uint8Array | null }[]>`select snapshot from documents where name = ${name}`;
  const updates = await tx<{ id: number; update: Uint8Array }[]>`
    select id, update from document_updates where name = ${name} order by id`;
  return {
    snapshot: doc?.snapshot ?? null,
    updates: updates.map((u) => u.update),
    lastUpdateId: updates.at(-1)?.id ?? 0,
  };
};

/** Appends updates in arrival order; the document row is created on first write. */
export const appendDocumentUpdates = async (tx: TenantTx, orgId: string, name: string, updates: Uint8Array[]): Promise<void> => {
  if (updates.length === 0) return;
  await tx`insert into documents (org_id, name) values (${orgId}, ${name}) on conflict do nothing`;
  await tx`
    insert into document_updates (org_id, name, update)
    select ${orgId}, ${name}, u from unnest(${tx.array(updates.map((u) => Buffer.from(u)), 17)}::bytea[]) with ordinality as t(u, n)
    order by n`;
  await tx`update documents set updated_at = now() where name = ${name}`;
};

/** Replaces the updates up to `upToId` by one snapshot, with the plain text derived for search and export. */
export const compactDocument = async (
  tx: TenantTx,
  name: string,
  snapshot: Uint8Array,
  plainText: string,
  upToId: number,
): Promise<void> => {
  await tx`update documents set snapshot = ${Buffer.from(snapshot)}, plain_text = ${plainText}, updated_at = now() where name = ${name}`;
  await tx`delete from document_updates where name = ${name} and id <= ${upToId}`;
};

/** Locks the document row so that two stores of one document never overlap, even across nodes. */
export const lockDocument = async (tx: TenantTx, orgId: string, name: string): Promise<void> => {
  await tx`insert into documents (org_id, name) values (${orgId}, ${name}) on conflict do nothing`;
  await tx`select 1 from documents where name = ${name} for update`;
};
