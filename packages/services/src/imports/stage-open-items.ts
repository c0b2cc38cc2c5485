import { createOpenItemsStage, type OpenItemRow, type OpenItemsStage } from "@relance/db";
import type { ImportContext, ImportWork } from "./run-import.ts";

const addCounts = (details: ImportWork["details"], counts: Record<string, number>) => {
  for (const [key, value] of Object.entries(counts)) details[key] = (Number(details[key]) || 0) + value;
};

/**
 * Hands valid rows to the chunked stage, which writes them to the ledger as the file is read. Duplicated invoice ids
 * are rejected at the end (the first line wins, and is what the ledger holds). Once a row is rejected and the valid
 * rows were not accepted, the transaction will be undone: the stage stops writing and only keeps the keys.
 */
export const createStagedWriter = async (
  ctx: ImportContext,
  work: ImportWork,
  target: { orgId: string; asOf: string; acceptValidRows: boolean; updateDebtors: boolean },
) => {
  const willCommit = () => work.rowsRejected === 0 || target.acceptValidRows;
  const stage: OpenItemsStage = await createOpenItemsStage(ctx.tx, ctx.mode, { ...target, shouldWrite: willCommit });
  return {
    add: (row: OpenItemRow, line: number): Promise<void> => stage.add(row, line),
    /** Writes the rest, rejects duplicates, and reports what the ledger writes did (unless the import is undone). */
    finish: async () => {
      await stage.close();
      for (const d of await stage.duplicates(10_000)) {
        const message = `line ${d.line}, invoice_external_id ("${d.externalId}"): already on line ${d.firstLine}`;
        ctx.reject([{ line: d.line, path: null, field: "invoice_external_id", message }], work);
        work.rowsImported -= 1;
      }
      if (willCommit()) addCounts(work.details, { ...(await stage.counts()) });
    },
  };
};
