import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { connectPostgres, migrate, startEmbeddedDatabase, type Database } from "@relance/db";
import { createOrganization, fileSourceFromPath, importFile, systemClock } from "@relance/services";
import { generateOpenItemsCsv } from "./generate-open-items-csv.ts";
import { trackPeakRss } from "./peak-rss.ts";

const run = promisify(execFile);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const psql = (url: string, command: string) => run("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", command], { maxBuffer: 1 << 20 });

/** Our import, the CLI's code path: a file on disk into a fresh organization. */
const importOnce = async (db: Database, file: string, slug: string) => {
  const deps = { db, clock: systemClock };
  const org = await createOrganization(deps, { slug, name: "Bench", country: "FR" });
  const rss = trackPeakRss();
  const started = performance.now();
  const summary = await importFile(deps, { orgId: org.id, userId: null }, {
    source: await fileSourceFromPath(file),
    asOf: "2026-11-01",
    acceptValidRows: false,
    request: { kind: "csv" },
  });
  const seconds = (performance.now() - started) / 1000;
  if (summary.status !== "succeeded") throw new Error(`bench import ${summary.status}: ${summary.rejections[0]?.message}`);
  return { seconds, rows: summary.rowsImported, peakRssMb: Math.round(rss.stop() / 2 ** 20) };
};

/** psql \copy of the same file into a bare table with the same columns: the peer. */
const copyOnce = async (url: string, file: string) => {
  await psql(url, `create table bench_bare (debtor_external_id text, debtor_name text, debtor_country text, debtor_segment text,
    invoice_external_id text, invoice_number text, issue_date date, due_date date, amount numeric, open_amount numeric,
    currency text, payment_reference text)`);
  const started = performance.now();
  await psql(url, `\\copy bench_bare from '${file}' with (format csv, header true)`);
  return (performance.now() - started) / 1000;
};

export const runImportBench = async (options: { rows: number; debtors: number; embeddedRows: number }) => {
  const dir = await mkdtemp(join(tmpdir(), "relance-bench-"));
  const dbName = `relance_bench_${Date.now()}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  try {
    const file = join(dir, "open-items.csv");
    const bytes = await generateOpenItemsCsv(file, options.rows, options.debtors);
    await psql(ADMIN_URL, `create database ${dbName}`);
    const peerSeconds = await copyOnce(url, file);
    const db = await connectPostgres(url, 2);
    await migrate(db.sql);
    const ours = await importOnce(db, file, "bench-pg");
    await db.close();
    const oursRate = ours.rows / ours.seconds;
    const peerRate = options.rows / peerSeconds;
    console.log(
      JSON.stringify({
        bench: "import",
        database: "postgres",
        rows: options.rows,
        debtors: options.debtors,
        file_mb: Math.round(bytes / 2 ** 20),
        relance_seconds: +ours.seconds.toFixed(2),
        relance_rows_per_s: Math.round(oursRate),
        psql_copy_seconds: +peerSeconds.toFixed(2),
        psql_copy_rows_per_s: Math.round(peerRate),
        ratio: +(oursRate / peerRate).toFixed(3),
        target_ratio: 0.5,
        peak_rss_mb: ours.peakRssMb,
      }),
    );

    const smallFile = join(dir, "open-items-small.csv");
    await generateOpenItemsCsv(smallFile, options.embeddedRows, Math.min(options.debtors, Math.ceil(options.embeddedRows / 20)));
    const embedded = await startEmbeddedDatabase();
    await migrate(embedded.sql);
    const small = await importOnce(embedded, smallFile, "bench-embedded");
    await embedded.close();
    console.log(
      JSON.stringify({
        bench: "import",
        database: "embedded",
        rows: small.rows,
        relance_seconds: +small.seconds.toFixed(2),
        relance_rows_per_s: Math.round(small.rows / small.seconds),
        target_rows_per_s: 50_000,
        peak_rss_mb: small.peakRssMb,
        peak_rss_mb_at_postgres_size: ours.peakRssMb,
      }),
    );
  } finally {
    await psql(ADMIN_URL, `drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
};
