import { createOpenItemsStage, type OpenItemRow, type OpenItemsStage } from "@relance/db";
import type { ImportContext, ImportWork } from "./run-import.ts";

export const WRITE_BATCH_SIZE = 5_000;

const addCounts = (details: ImportWork["details"], counts: Record<string, number>) => {
  for (const [key, value] of Object.entries(counts)) details[key] = (Number(details[key]) || 0) + value;
};

/**
 * Buffers valid rows into batches for the staging table, then applies them. Duplicated invoice ids are rejected
 * (the first line wins) before anything reaches the ledger.
 */
export const createStagedWriter = async (ctx: ImportContext, work: ImportWork) => {
  const stage: OpenItemsStage = await createOpenItemsStage(ctx.tx, ctx.mode);
  const batch: (OpenItemRow & { line: number })[] = [];
  const flush = async () => {
    await stage.append(batch.splice(0));
  };
  return {
    add: async (row: OpenItemRow, line: number) => {
      batch.push({ ...row, line });
      if (batch.length >= WRITE_BATCH_SIZE) await flush();
    },
    /** Rejects duplicates, then (unless the import will be undone anyway) upserts the ledger. */
    finish: async (orgId: string, asOf: string, opts: { acceptValidRows: boolean; updateDebtors: boolean }) => {
      await flush();
      for (const d of await stage.duplicates(10_000)) {
        const message = `line ${d.line}, invoice_external_id ("${d.externalId}"): already on line ${d.firstLine}`;
        ctx.reject([{ line: d.line, path: null, field: "invoice_external_id", message }], work);
        work.rowsImported -= 1;
      }
      if (work.rowsRejected === 0 || opts.acceptValidRows) addCounts(work.details, { ...(await stage.apply(orgId, asOf, opts.updateDebtors)) });
    },
  };
};
