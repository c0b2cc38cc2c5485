import type { Writable } from "node:stream";
import type { DatabaseMode, TenantTx } from "../database.ts";
import { applyOpenItemsStage } from "./open-items-apply.ts";
import type { OpenItemRow, UpsertCounts } from "./open-items.ts";

/**
 * A transaction-local staging table for one import: rows stream in (COPY on PostgreSQL, INSERT … unnest on PGlite,
 * whose socket cannot take COPY FROM STDIN), then duplicates are found and the ledger is upserted set-based.
 * Memory in Node stays flat whatever the file size.
 */
export interface OpenItemsStage {
  append(rows: (OpenItemRow & { line: number })[]): Promise<void>;
  /** Invoice external ids that appear on more than one line (first line kept, the others listed). */
  duplicates(limit: number): Promise<{ externalId: string; line: number; firstLine: number }[]>;
  /** Upserts debtors then invoices from the stage (first occurrence of a duplicated invoice wins). */
  apply(orgId: string, asOf: string, updateDebtors: boolean): Promise<UpsertCounts>;
}

const COLUMNS = [
  "line", "debtor_external_id", "debtor_name", "debtor_country", "debtor_segment", "debtor_identifier", "debtor_email",
  "debtor_language", "debtor_terms", "invoice_external_id", "number", "kind", "issue_date", "due_date", "currency",
  "amount_minor", "open_minor", "po_number", "payment_reference",
] as const;

const values = (r: OpenItemRow & { line: number }): (string | number | null)[] => [
  r.line, r.debtorExternalId, r.debtorName, r.debtorCountry, r.debtorSegment, r.debtorIdentifier, r.debtorEmail,
  r.debtorLanguage, r.debtorPaymentTermsDays, r.invoiceExternalId, r.number, r.kind, r.issueDate, r.dueDate, r.currency,
  r.amountMinor, r.openMinor, r.poNumber, r.paymentReference,
];

/** COPY text format: tab-separated, \N for null, backslash escapes. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const copyField = (v: string | number | null): string => {
  if (v === null) return "\\N";
  if (typeof v === "number" || !COPY_SPECIAL.test(v)) return String(v);
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
};

const writeChunk = (stream: Writable, chunk: string): Promise<void> =>
  stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream.once("drain", () => resolve()));

export const createOpenItemsStage = async (tx: TenantTx, mode: DatabaseMode): Promise<OpenItemsStage> => {
  await tx`
    create temp table import_open_items (
      line int not null, debtor_external_id text not null, debtor_name text not null, debtor_country text not null,
      debtor_segment text not null, debtor_identifier text, debtor_email text, debtor_language text, debtor_terms int,
      invoice_external_id text not null, number text not null, kind text not null, issue_date date not null,
      due_date date not null, currency text not null, amount_minor bigint not null, open_minor bigint not null,
      po_number text, payment_reference text
    ) on commit drop`;
  // the set-based steps sort and hash a whole file: memory for them, and no JIT compiling queries that run once
  await tx`select set_config('work_mem', '128MB', true), set_config('jit', 'off', true)`;
  let copy: Writable | null = null;
  let hasDuplicates = true;
  let staged = 0;
  let copyDone: Promise<void> | null = null;

  const append = async (rows: (OpenItemRow & { line: number })[]) => {
    if (rows.length === 0) return;
    staged += rows.length;
    if (mode === "postgres") {
      if (!copy) {
        copy = await tx`copy import_open_items (${tx.unsafe(COLUMNS.join(", "))}) from stdin`.writable();
        copyDone = new Promise<void>((resolve, reject) => {
          copy!.on("finish", () => resolve());
          copy!.on("error", reject);
        });
      }
      await writeChunk(copy, rows.map((r) => `${values(r).map(copyField).join("\t")}\n`).join(""));
      return;
    }
    // one pass over the rows, one array per column
    const columns: (string | number | null)[][] = COLUMNS.map(() => new Array(rows.length));
    rows.forEach((r, j) => values(r).forEach((v, i) => (columns[i]![j] = v)));
    const col = (i: number) => tx.array(columns[i] as never[]);
    await tx`
      insert into import_open_items (${tx.unsafe(COLUMNS.join(", "))})
      select * from unnest(${col(0)}::int[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[],
        ${col(5)}::text[], ${col(6)}::text[], ${col(7)}::text[], ${col(8)}::int[], ${col(9)}::text[], ${col(10)}::text[],
        ${col(11)}::text[], ${col(12)}::date[], ${col(13)}::date[], ${col(14)}::text[], ${col(15)}::bigint[],
        ${col(16)}::bigint[], ${col(17)}::text[], ${col(18)}::text[])`;
  };

  const closeCopy = async () => {
    if (copy && copyDone) {
      (copy as Writable).end();
      await copyDone;
      copy = null;
    }
  };

  return {
    append,
    duplicates: async (limit) => {
      await closeCopy();
      const found = await tx<{ externalId: string; line: number; firstLine: number }[]>`
        select invoice_external_id as "externalId", line, first_line as "firstLine" from (
          select invoice_external_id, line, min(line) over (partition by invoice_external_id) as first_line
          from import_open_items
        ) t where line <> first_line order by line limit ${limit}`;
      hasDuplicates = found.length > 0;
      return found;
    },
    apply: async (orgId, asOf, updateDebtors) => {
      await closeCopy();
      await tx`analyze import_open_items`;
      const counts = await applyOpenItemsStage(tx, { orgId, asOf, updateDebtors, hasDuplicates, stagedInvoices: staged });
      return counts;
    },
  };
};
