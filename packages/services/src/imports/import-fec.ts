import { findDebtorTerms, type OpenItemRow } from "@relance/db";
import { createOpenReceivablesAccumulator, decodeByteChunks, dueDateFromTerms, readFecEntries, type OpenReceivable } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { countBytes, type FileSource } from "./file-source.ts";
import { createStagedWriter } from "./stage-open-items.ts";
import { newWork, runImport, type ImportSummary } from "./run-import.ts";

export interface FecImportInput {
  source: FileSource;
  asOf: string;
  acceptValidRows: boolean;
  clientRef?: string | null;
  /** Customer accounts to read (411 by default). */
  accountPrefix: string;
  /** The FEC has no due dates: a known debtor's terms apply, else these. */
  defaultTermsDays: number;
}

const toRow = (doc: OpenReceivable, termsDays: number): OpenItemRow => ({
  debtorExternalId: doc.customerKey,
  debtorName: doc.customerName || doc.customerKey,
  debtorCountry: "FR",
  debtorSegment: "b2b",
  debtorIdentifier: null,
  debtorEmail: null,
  debtorLanguage: null,
  debtorPaymentTermsDays: null,
  invoiceExternalId: doc.pieceRef,
  number: doc.pieceRef,
  kind: doc.kind === "credit" ? "credit_note" : "invoice",
  issueDate: doc.issueDate,
  dueDate: dueDateFromTerms(doc.issueDate, { days: termsDays }),
  currency: doc.currency,
  amountMinor: doc.balanceMinor,
  openMinor: doc.balanceMinor,
  poNumber: null,
  paymentReference: null,
});

/**
 * Derives the open receivables at `asOf` from a FEC (customer accounts, lettrage) and upserts them. Memory grows with
 * the open documents, not with the file. Debtors already known keep their details; new ones are created as French
 * professional customers.
 */
export const importFec = (deps: ServiceDeps, actor: Actor | { orgId: string; userId: null }, input: FecImportInput): Promise<ImportSummary> =>
  runImport(
    deps,
    actor,
    { kind: "fec", fileName: input.source.name, asOf: input.asOf, totalBytes: input.source.size, acceptValidRows: input.acceptValidRows, clientRef: input.clientRef },
    async (ctx) => {
      const work = newWork();
      const accumulator = createOpenReceivablesAccumulator({ asOf: input.asOf, accountPrefix: input.accountPrefix });
      let bytesRead = 0;
      const text = decodeByteChunks(countBytes(input.source.open(), (n) => (bytesRead = n)), { encoding: "auto" });
      const entries = readFecEntries(text, {
        onError: (e) => {
          work.rowsTotal += 1;
          ctx.reject([{ line: e.line, path: e.column, field: e.column, message: e.message }], work);
        },
      });
      for await (const entry of entries) {
        work.rowsTotal += 1;
        accumulator.add(entry);
        if (work.rowsTotal % 1000 === 0) ctx.progress({ rowsRead: work.rowsTotal, rowsRejected: work.rowsRejected, bytesRead });
      }
      const documents = accumulator.result();
      const terms = await findDebtorTerms(ctx.tx, [...new Set(documents.map((d) => d.customerKey))]);
      const writer = await createStagedWriter(ctx, work, { orgId: actor.orgId, asOf: input.asOf, acceptValidRows: input.acceptValidRows, updateDebtors: false });
      for (const doc of documents) await writer.add(toRow(doc, terms.get(doc.customerKey) ?? input.defaultTermsDays), doc.firstLine);
      work.rowsImported = documents.length;
      await writer.finish();
      work.details.openDocuments = documents.length;
      work.details.customers = new Set(documents.map((d) => d.customerKey)).size;
      ctx.progress({ rowsRead: work.rowsTotal, rowsRejected: work.rowsRejected, bytesRead });
      return work;
    },
  );
