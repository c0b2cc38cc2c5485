import { insertPaymentIfNew, upsertBankStatement } from "@relance/db";
import { bookablePayments, decodeByteChunks, parseCamt, type BookablePayment } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";
import { countBytes, type FileSource } from "./file-source.ts";
import { matchAndAllocate, normalizeIban } from "./match-payment-in-ledger.ts";
import { newWork, runImport, type ImportContext, type ImportSummary, type ImportWork } from "./run-import.ts";

export interface CamtImportInput {
  source: FileSource;
  asOf: string;
  acceptValidRows: boolean;
  clientRef?: string | null;
}

const SUPPORTED = new Set(["EUR", "CHF"]);

const count = (work: ImportWork, key: string) => {
  work.details[key] = (Number(work.details[key]) || 0) + 1;
};

/** One bookable payment: refused, already booked, or booked and matched (or left in the queue). */
const bookPayment = async (ctx: ImportContext, work: ImportWork, orgId: string, statementId: string, p: BookablePayment) => {
  work.rowsTotal += 1;
  if (!SUPPORTED.has(p.currency)) {
    return ctx.reject([{ line: null, path: p.path, field: "Amt@Ccy", message: `${p.path}: currency ${p.currency} is not EUR or CHF` }], work);
  }
  const bookingDate = p.bookingDate ?? p.valueDate;
  if (!bookingDate) return ctx.reject([{ line: null, path: p.entryPath, field: "BookgDt", message: `${p.entryPath}: no booking date` }], work);
  const paymentId = await insertPaymentIfNew(ctx.tx, {
    orgId,
    source: "camt",
    dedupeKey: p.dedupeKey,
    statementId,
    bookingDate,
    valueDate: p.valueDate,
    amountMinor: p.amountMinor,
    currency: p.currency,
    payerName: p.debtorName,
    payerIban: normalizeIban(p.debtorIban),
    reference: p.structuredRef,
    remittanceText: p.unstructured,
    xmlPath: p.path,
  });
  if (!paymentId) return count(work, "alreadyBooked");
  work.rowsImported += 1;
  const result = await matchAndAllocate(ctx.tx, orgId, paymentId, p);
  count(work, result.kind === "unmatched" ? "unmatched" : `matched_${result.kind}`);
};

/**
 * Books the incoming payments of camt.053 statements or camt.054 notifications (booked, non-reversed credits only)
 * and matches each against the open invoices; a statement imported twice books nothing twice. Unmatched payments
 * wait in the matching queue.
 */
export const importCamt = (deps: ServiceDeps, actor: Actor | { orgId: string; userId: null }, input: CamtImportInput): Promise<ImportSummary> =>
  runImport(
    deps,
    actor,
    { kind: "camt", fileName: input.source.name, asOf: input.asOf, totalBytes: input.source.size, acceptValidRows: input.acceptValidRows, clientRef: input.clientRef },
    async (ctx) => {
      const work = newWork();
      let bytesRead = 0;
      const text = decodeByteChunks(countBytes(input.source.open(), (n) => (bytesRead = n)), { encoding: "utf-8" });
      for await (const statement of parseCamt(text)) {
        count(work, "statements");
        const info = statement.statement;
        const statementId = await upsertBankStatement(ctx.tx, {
          orgId: actor.orgId,
          kind: info.kind,
          statementId: info.id,
          iban: info.iban,
          createdAtBank: info.createdAt || null,
        });
        for (const payment of bookablePayments(statement)) {
          await bookPayment(ctx, work, actor.orgId, statementId, payment);
          ctx.progress({ rowsRead: work.rowsTotal, rowsRejected: work.rowsRejected, bytesRead });
        }
      }
      return work;
    },
  );
