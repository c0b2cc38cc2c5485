import type { DatabaseMode, TenantTx } from "../database.ts";
import { applyOpenItemsChunk } from "./open-items-apply.ts";
import type { OpenItemRow, UpsertCounts } from "./open-items.ts";

/**
 * Transaction-local staging for one import, in chunks. On PostgreSQL a chunk's rows are held in memory as COPY text,
 * then loaded into the staging table and written to the ledger set-based while Node parses the next chunk: the
 * database and Node work at the same time instead of waiting for each other, and memory holds two chunks at most,
 * whatever the file size. PGlite (whose socket cannot take COPY FROM STDIN) runs on Node's thread: its rows go in by
 * INSERT … unnest batches as they come, and each chunk is written when full. Each chunk's keys are kept for the
 * whole-file checks (duplicated invoice ids, counts).
 */
export interface OpenItemsStage {
  /** Takes one valid row (with its line in the file); resolves at once unless a chunk is due to be written. */
  add(row: OpenItemRow, line: number): Promise<void>;
  /** Loads and writes what is left, and waits for every chunk's writes. */
  close(): Promise<void>;
  /** Invoice external ids that appear on more than one line (first line kept, the others listed). */
  duplicates(limit: number): Promise<{ externalId: string; line: number; firstLine: number }[]>;
  /** What the writes did over the whole file. */
  counts(): Promise<UpsertCounts>;
}

export interface OpenItemsLedgerTarget {
  orgId: string;
  asOf: string;
  updateDebtors: boolean;
  /** Asked before each chunk: false once the import is known to be undone (a rejected row, valid rows not accepted). */
  shouldWrite(): boolean;
  /** Rows per chunk; STAGE_CHUNK_ROWS unless a test needs several chunks from a small file. */
  chunkRows?: number;
}

/** Rows per chunk: large enough for set-based statements to pay off, small enough to hold two in memory. */
export const STAGE_CHUNK_ROWS = 100_000;
const PGLITE_BATCH_ROWS = 10_000;

const COLUMNS = [
  "line", "debtor_external_id", "debtor_name", "debtor_country", "debtor_segment", "debtor_identifier", "debtor_email",
  "debtor_language", "debtor_terms", "invoice_external_id", "number", "kind", "issue_date", "due_date", "currency",
  "amount_minor", "open_minor", "po_number", "payment_reference",
] as const;
const TYPES = ["int", "text", "text", "text", "text", "text", "text", "text", "int", "text", "text", "text", "date", "date", "text", "bigint", "bigint", "text", "text"];

/** One row as COPY text, fields in COLUMNS order. */
const copyLine = (r: OpenItemRow, line: number): string =>
  `${line}\t${copyField(r.debtorExternalId)}\t${copyField(r.debtorName)}\t${copyField(r.debtorCountry)}\t${copyField(r.debtorSegment)}\t${
  copyField(r.debtorIdentifier)}\t${copyField(r.debtorEmail)}\t${copyField(r.debtorLanguage)}\t${copyField(r.debtorPaymentTermsDays)}\t${
  copyField(r.invoiceExternalId)}\t${copyField(r.number)}\t${copyField(r.kind)}\t${copyField(r.issueDate)}\t${copyField(r.dueDate)}\t${
  copyField(r.currency)}\t${r.amountMinor}\t${r.openMinor}\t${copyField(r.poNumber)}\t${copyField(r.paymentReference)}\n`;

const values = (r: OpenItemRow, line: number): (string | number | null)[] => [
  line, r.debtorExternalId, r.debtorName, r.debtorCountry, r.debtorSegment, r.debtorIdentifier, r.debtorEmail,
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

/** One chunk in memory, in the form its loader sends: COPY text, or (one batch at a time) one array per column for unnest. */
interface ChunkBuffer {
  rows: number;
  /** COPY text, one string per few thousand rows (one network message each, not one per row). */
  text: string[];
  lines: string[];
  columns: (string | number | null)[][];
}

const newChunk = (): ChunkBuffer => ({ rows: 0, text: [], lines: [], columns: COLUMNS.map(() => []) });
const COPY_MESSAGE_ROWS = 5_000;

export const createOpenItemsStage = async (tx: TenantTx, mode: DatabaseMode, target: OpenItemsLedgerTarget): Promise<OpenItemsStage> => {
  await tx`
    create temp table import_open_items (
      line int not null, debtor_external_id text not null, debtor_name text not null, debtor_country text not null,
      debtor_segment text not null, debtor_identifier text, debtor_email text, debtor_language text, debtor_terms int,
      invoice_external_id text not null, number text not null, kind text not null, issue_date date not null,
      due_date date not null, currency text not null, amount_minor bigint not null, open_minor bigint not null,
      po_number text, payment_reference text
    ) on commit drop`;
  await tx`
    create temp table import_open_item_keys (line int not null, invoice_external_id text not null, debtor_external_id text not null)
    on commit drop`;
  // the set-based steps sort and hash whole chunks: memory for them, and no JIT compiling queries that run once
  await tx`select set_config('work_mem', '128MB', true), set_config('jit', 'off', true)`;

  const chunkRows = target.chunkRows ?? STAGE_CHUNK_ROWS;
  let chunk = newChunk();
  let staged = 0;
  let chunksWritten = 0;
  let hasDuplicateLines = true;
  const created = { debtors: 0, invoices: 0 };
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;

  /** Empties the staging table for a new chunk, once the previous chunk's writes are done with it. */
  let chunkStarted = false;
  const startChunk = async () => {
    if (chunkStarted) return;
    await writing;
    if (failure) throw failure.error;
    await tx`truncate import_open_items`;
    chunkStarted = true;
  };

  const copyChunk = async (buffer: ChunkBuffer) => {
    const copy = await tx`copy import_open_items (${tx.unsafe(COLUMNS.join(", "))}) from stdin`.writable();
    const done = new Promise<void>((resolve, reject) => {
      copy.on("finish", () => resolve());
      copy.on("error", reject);
    });
    for (const text of buffer.text) if (!copy.write(text)) await new Promise((resolve) => copy.once("drain", resolve));
    copy.end();
    await done;
  };

  /** PGlite runs on Node's own thread, so holding a chunk back gains nothing: each batch goes in as it fills. */
  const insertBatch = async () => {
    const columns = chunk.columns;
    chunk.columns = COLUMNS.map(() => []);
    if (columns[0]!.length === 0) return;
    await startChunk();
    const arrays = columns.map((column, i) => tx`${tx.array(column as never[])}::${tx.unsafe(TYPES[i]!)}[]`);
    await tx`insert into import_open_items (${tx.unsafe(COLUMNS.join(", "))})
      select * from unnest(${arrays.reduce((all, array) => tx`${all}, ${array}`)})`;
  };

  /** Waits for the previous chunk's writes, loads this one, and starts its writes without waiting for them. */
  const flush = async () => {
    if (chunk.rows === 0) return;
    if (mode === "postgres") {
      const buffer = chunk;
      if (buffer.lines.length > 0) buffer.text.push(buffer.lines.splice(0).join(""));
      chunk = newChunk();
      await startChunk();
      await copyChunk(buffer);
    } else {
      await insertBatch();
      chunk = newChunk();
    }
    chunkStarted = false;
    await tx`insert into import_open_item_keys select line, invoice_external_id, debtor_external_id from import_open_items`;
    if (!target.shouldWrite()) return;
    writing = applyOpenItemsChunk(tx, { ...target, analyze: chunksWritten++ === 0 }).then(
      (counts) => {
        created.debtors += counts.debtorsCreated;
        created.invoices += counts.invoicesCreated;
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };

  return {
    add: async (row, line) => {
      if (mode === "postgres") {
        chunk.lines.push(copyLine(row, line));
        if (chunk.lines.length >= COPY_MESSAGE_ROWS) chunk.text.push(chunk.lines.splice(0).join(""));
      } else values(row, line).forEach((v, i) => chunk.columns[i]!.push(v));
      chunk.rows += 1;
      staged += 1;
      if (chunk.rows >= chunkRows) await flush();
      else if (mode === "embedded" && chunk.columns[0]!.length >= PGLITE_BATCH_ROWS) await insertBatch();
    },
    close: async () => {
      await flush();
      await writing;
      if (failure) throw failure.error;
    },
    duplicates: async (limit) => {
      const found = await tx<{ externalId: string; line: number; firstLine: number }[]>`
        select invoice_external_id as "externalId", line, first_line as "firstLine" from (
          select invoice_external_id, line, min(line) over (partition by invoice_external_id) as first_line
          from import_open_item_keys
        ) t where line <> first_line order by line limit ${limit}`;
      hasDuplicateLines = found.length > 0;
      return found;
    },
    counts: async () => {
      // without duplicated invoice ids (the usual case) every staged row is a distinct invoice: no count to run
      const distinctInvoices = hasDuplicateLines
        ? tx`(select count(*) from (select distinct invoice_external_id from import_open_item_keys) i)::int`
        : tx`${staged}::int`;
      const [total] = await tx<{ debtors: number; duplicates: number }[]>`
        select (select count(*) from (select distinct debtor_external_id from import_open_item_keys) d)::int as debtors,
               ${staged}::int - ${distinctInvoices} as duplicates`;
      return {
        debtorsCreated: created.debtors,
        debtorsUpdated: total!.debtors - created.debtors,
        invoicesCreated: created.invoices,
        invoicesUpdated: staged - total!.duplicates - created.invoices,
      };
    },
  };
};
