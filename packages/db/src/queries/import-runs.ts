import type { TenantTx } from "../database.ts";

export type ImportKind = "csv" | "fec" | "camt";
export type ImportStatus = "running" | "succeeded" | "rejected" | "partial" | "failed";

export interface ImportRunRow {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  asOf: string;
  startedAt: Date;
  finishedAt: Date | null;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  summary: Record<string, unknown>;
  createdBy: string | null;
}

export interface RejectionRow {
  line: number | null;
  path: string | null;
  field: string | null;
  message: string;
}

const columns = (tx: TenantTx) => tx`
  id, kind, file_name as "fileName", status, as_of as "asOf", started_at as "startedAt", finished_at as "finishedAt",
  rows_total as "rowsTotal", rows_imported as "rowsImported", rows_rejected as "rowsRejected", summary,
  created_by as "createdBy"`;

export const insertImportRun = async (
  tx: TenantTx,
  run: { orgId: string; kind: ImportKind; fileName: string; asOf: string; createdBy: string | null },
): Promise<string> => {
  const [row] = await tx<{ id: string }[]>`
    insert into import_runs (org_id, kind, file_name, status, as_of, created_by)
    values (${run.orgId}, ${run.kind}, ${run.fileName}, 'running', ${run.asOf}, ${run.createdBy})
    returning id`;
  return row!.id;
};

export const finishImportRun = async (
  tx: TenantTx,
  id: string,
  result: { status: ImportStatus; rowsTotal: number; rowsImported: number; rowsRejected: number; summary: Record<string, unknown> },
): Promise<void> => {
  await tx`
    update import_runs set status = ${result.status}, finished_at = now(), rows_total = ${result.rowsTotal},
      rows_imported = ${result.rowsImported}, rows_rejected = ${result.rowsRejected}, summary = ${tx.json(result.summary as never)}
    where id = ${id}`;
};

export const insertRejections = async (tx: TenantTx, orgId: string, importId: string, rows: RejectionRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await tx`
    insert into import_rejections (org_id, import_id, line, path, field, message)
    select ${orgId}::uuid, ${importId}::uuid, line, nullif(path, ''), nullif(field, ''), message
    from unnest(${tx.array(rows.map((r) => r.line ?? 0))}::int[], ${tx.array(rows.map((r) => r.path ?? ""))}::text[],
                ${tx.array(rows.map((r) => r.field ?? ""))}::text[], ${tx.array(rows.map((r) => r.message))}::text[])
      as t(line, path, field, message)`;
};

export const listImportRuns = (tx: TenantTx, limit: number): Promise<ImportRunRow[]> =>
  tx<ImportRunRow[]>`select ${columns(tx)} from import_runs order by started_at desc limit ${limit}`;

export const findImportRun = async (tx: TenantTx, id: string): Promise<ImportRunRow | undefined> => {
  const [row] = await tx<ImportRunRow[]>`select ${columns(tx)} from import_runs where id = ${id}`;
  return row;
};

export const listRejections = (tx: TenantTx, importId: string, limit: number, offset: number): Promise<RejectionRow[]> =>
  tx<RejectionRow[]>`
    select nullif(line, 0) as line, path, field, message from import_rejections
    where import_id = ${importId} order by id limit ${limit} offset ${offset}`;

export const saveImportMapping = async (tx: TenantTx, orgId: string, sourceName: string, mapping: unknown): Promise<void> => {
  await tx`
    insert into import_mappings (org_id, source_name, mapping) values (${orgId}, ${sourceName}, ${tx.json(mapping as never)})
    on conflict (org_id, source_name) do update set mapping = excluded.mapping, updated_at = now()`;
};

export const findImportMapping = async (tx: TenantTx, sourceName: string): Promise<unknown> => {
  const [row] = await tx<{ mapping: unknown }[]>`select mapping from import_mappings where source_name = ${sourceName}`;
  return row?.mapping;
};

export const listImportMappings = (tx: TenantTx): Promise<{ sourceName: string; updatedAt: Date }[]> =>
  tx<{ sourceName: string; updatedAt: Date }[]>`
    select source_name as "sourceName", updated_at as "updatedAt" from import_mappings order by source_name`;
