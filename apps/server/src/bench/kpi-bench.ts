import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { connectPostgres, insertPaymentIfNew, migrate, withTenant, type Database } from "@relance/db";
import type { ClientToServerEvents, KpiChanged, ServerToClientEvents } from "@relance/domain";
import {
  createOrganization, createSession, createUserInOrganization, fileSourceFromPath, getKpiSnapshot, importFile, systemClock, type ServiceDeps,
} from "@relance/services";
import { io as connect, type Socket } from "socket.io-client";
import { generateOpenItemsCsv } from "./generate-open-items-csv.ts";

const run = promisify(execFile);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** The generated books issue invoices from 2025-01-01 over 600 days. */
const AS_OF = "2026-08-31";
const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

const psql = (url: string, command: string) => run("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", command], { maxBuffer: 1 << 20 });
const print = (figures: Record<string, unknown>) => console.log(JSON.stringify({ bench: "kpi", ...figures }));
const seconds = (ms: number) => +(ms / 1000).toFixed(2);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (value: number) => +value.toFixed(2);

const KPI_TRIGGERS = ["invoices DISABLE TRIGGER kpi_invoices_inserted", "invoices DISABLE TRIGGER kpi_invoices_updated", "debtors DISABLE TRIGGER kpi_debtors_updated"];

/** One import of the generated file into a fresh tenant, through the CLI's code path. */
const importBooks = async (deps: ServiceDeps, file: string, slug: string) => {
  const org = await createOrganization(deps, { slug, name: "Bench", country: "FR" });
  const started = performance.now();
  const summary = await importFile(deps, { orgId: org.id, userId: null }, { source: await fileSourceFromPath(file), asOf: AS_OF, acceptValidRows: false, request: { kind: "csv" } });
  if (summary.status !== "succeeded") throw new Error(`bench import ${summary.status}: ${summary.rejections[0]?.message}`);
  return { org, ms: performance.now() - started };
};

/** The figures the rollups hold, recomputed from the invoices: what the snapshot would cost without them. */
const fullRecompute = (db: Database, orgId: string) =>
  withTenant(db.sql, orgId, async (tx) => {
    await tx`
      select i.currency, i.due_date, sum(i.open_minor), count(*) filter (where i.open_minor <> 0)
      from invoices i join debtors d on d.id = i.debtor_id group by 1, 2`;
    await tx`
      select i.currency, to_char(i.issue_date, 'YYYY-MM'), sum(i.amount_minor)
      from invoices i join debtors d on d.id = i.debtor_id where i.issue_date > ${AS_OF}::date - 730 group by 1, 2`;
  });

const startNode = (env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`a server node did not start: ${out}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`a server node exited (${code}): ${out}`)));
  });

const openWatcher = (url: string, token: string): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> =>
  new Promise((resolve, reject) => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin: url, cookie: `relance_session=${token}` },
    });
    socket.once("connect_error", reject);
    socket.once("connect", () =>
      socket.emit("dashboard:watch", {}, (ack) => (ack.ok ? resolve(socket) : reject(new Error(ack.error.message)))),
    );
  });

/**
 * Two real server processes on the bench database and Redis: a payment allocated through node A's API reaches a
 * dashboard socket connected to node B as a `kpi:changed` push. One payment at a time, so each latency stands alone.
 */
const measureCrossNodeLatency = async (db: Database, url: string, deps: ServiceDeps, orgId: string, slug: string, payments: number) => {
  const env = { DATABASE_URL: url, REDIS_URL, PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", SCHEDULER: "off", LOG_LEVEL: "error", DATABASE_POOL_SIZE: "4" };
  const nodes = await Promise.all([startNode(env), startNode(env)]);
  const [a, b] = nodes;
  try {
    const manager = await createUserInOrganization(deps, { orgSlug: slug, email: `manager-${slug}@bench.example`, role: "manager", displayName: "Bench manager" });
    const collector = await createUserInOrganization(deps, { orgSlug: slug, email: `collector-${slug}@bench.example`, role: "credit_manager", displayName: "Bench collector" });
    const session = (userId: string) => createSession(deps, { userId, orgId, userAgent: "bench", ip: "127.0.0.1" });
    const watcher = await openWatcher(b!.url, (await session(manager.userId)).token);
    const collectorToken = (await session(collector.userId)).token;
    const targets = await withTenant(db.sql, orgId, async (tx) => {
      const invoices = await tx<{ id: string; currency: string }[]>`
        select id, currency from invoices where kind = 'invoice' and open_minor > 1000 and due_date < ${AS_OF}::date order by id limit ${payments}`;
      const out: { invoiceId: string; paymentId: string }[] = [];
      for (const [i, invoice] of invoices.entries()) {
        const paymentId = await insertPaymentIfNew(tx, {
          orgId, dedupeKey: `bench-${i}`, statementId: null, bookingDate: AS_OF, valueDate: null, amountMinor: 100, currency: invoice.currency,
          payerName: "Bench payer", payerIban: null, reference: null, remittanceText: null, xmlPath: null, source: "manual",
        });
        out.push({ invoiceId: invoice.id, paymentId: paymentId! });
      }
      return out;
    });
    const latencies: number[] = [];
    for (const target of targets) {
      const pushed = new Promise<KpiChanged>((resolve) => watcher.once("kpi:changed", resolve));
      const started = performance.now();
      const response = await fetch(`${a!.url}/trpc/payments.allocate`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: a!.url, cookie: `relance_session=${collectorToken}` },
        body: JSON.stringify({ paymentId: target.paymentId, invoiceIds: [target.invoiceId] }),
      });
      if (!response.ok) throw new Error(`payments.allocate answered ${response.status}: ${await response.text()}`);
      await pushed;
      latencies.push(performance.now() - started);
    }
    watcher.disconnect();
    return latencies.sort((x, y) => x - y);
  } finally {
    for (const node of nodes) node.child.kill("SIGTERM");
  }
};

export const runKpiBench = async (options: { rows: number; debtors: number; snapshots: number; payments: number }) => {
  const dir = await mkdtemp(join(tmpdir(), "relance-kpi-bench-"));
  const dbName = `relance_kbench_${Date.now()}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  await psql(ADMIN_URL, `create database ${dbName}`);
  try {
    const file = join(dir, "open-items.csv");
    await generateOpenItemsCsv(file, options.rows, options.debtors);
    const db = await connectPostgres(url, 4);
    await migrate(db.sql);
    const deps: ServiceDeps = { db, clock: systemClock };

    // a small import first warms the caches, so that neither measured run pays for it
    const warmUp = join(dir, "warm-up.csv");
    await generateOpenItemsCsv(warmUp, Math.ceil(options.rows / 20), Math.ceil(options.debtors / 20));
    await importBooks(deps, warmUp, "bench-kpi-warm-up");
    // the import with and without the rollup triggers, each into a fresh tenant of the same size
    await psql(url, KPI_TRIGGERS.map((t) => `alter table ${t};`).join(" "));
    const without = await importBooks(deps, file, "bench-kpi-off");
    await psql(url, KPI_TRIGGERS.map((t) => `alter table ${t.replace("DISABLE", "ENABLE")};`).join(" "));
    const withRollups = await importBooks(deps, file, "bench-kpi");
    const orgId = withRollups.org.id;
    print({
      step: "import",
      rows: options.rows,
      debtors: options.debtors,
      import_without_rollups_seconds: seconds(without.ms),
      import_with_rollups_seconds: seconds(withRollups.ms),
      ratio_with_to_without: +(withRollups.ms / without.ms).toFixed(3),
    });

    // sales reps own the debtors: the debtor trigger moves every invoice's figures to its owner
    const owners: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      owners.push((await createUserInOrganization(deps, { orgSlug: "bench-kpi", email: `rep${i}@bench.example`, role: "sales", displayName: `Rep ${i}` })).userId);
    }
    const ownersStarted = performance.now();
    await withTenant(db.sql, orgId, (tx) => tx`
      update debtors d set sales_owner_id = (${owners}::uuid[])[1 + (abs(hashtext(d.external_id)) % ${owners.length})]`);
    const ownersMs = performance.now() - ownersStarted;
    await psql(url, "analyze");
    const rollupRows = await db.sql<{ open: number; sales: number; movements: number }[]>`
      select (select count(*) from kpi_open_rollup where org_id = ${orgId})::int as open, (select count(*) from kpi_sales_rollup where org_id = ${orgId})::int as sales,
             (select count(*) from kpi_ar_movements where org_id = ${orgId})::int as movements`;
    print({ step: "owners", debtors_reassigned: options.debtors, seconds: seconds(ownersMs), rollup_rows: rollupRows[0] });

    // snapshot latency (rollups) against the full recompute from the invoices, in the same run
    const actor = { orgId, userId: owners[0]!, role: "manager" as const };
    const filterSets = [{}, { filters: { ownerId: owners[3]! } }, { filters: { currency: "CHF" as const } }, { filters: { segment: "b2b" as const, jurisdiction: "FR" as const } }];
    for (let i = 0; i < 20; i += 1) await getKpiSnapshot(deps, actor, { asOf: AS_OF, ...filterSets[i % filterSets.length] });
    const snapshotMs: number[] = [];
    for (let i = 0; i < options.snapshots; i += 1) {
      const started = performance.now();
      await getKpiSnapshot(deps, actor, { asOf: AS_OF, ...filterSets[i % filterSets.length] });
      snapshotMs.push(performance.now() - started);
    }
    snapshotMs.sort((x, y) => x - y);
    const recomputeMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await fullRecompute(db, orgId);
      recomputeMs.push(performance.now() - started);
    }
    recomputeMs.sort((x, y) => x - y);
    const p95 = quantile(snapshotMs, 0.95);
    const recomputeMedian = quantile(recomputeMs, 0.5);
    print({
      step: "snapshot",
      invoices: options.rows,
      snapshots: options.snapshots,
      snapshot_p50_ms: ms(quantile(snapshotMs, 0.5)),
      snapshot_p95_ms: ms(p95),
      target_p95_ms: 20,
      full_recompute_median_ms: ms(recomputeMedian),
      ratio_recompute_to_snapshot_p95: +(recomputeMedian / p95).toFixed(1),
      target_ratio: 20,
    });

    const latencies = await measureCrossNodeLatency(db, url, deps, orgId, "bench-kpi", options.payments);
    print({
      step: "push",
      nodes: 2,
      payments: latencies.length,
      push_p50_ms: ms(quantile(latencies, 0.5)),
      push_p99_ms: ms(quantile(latencies, 0.99)),
      push_max_ms: ms(latencies.at(-1)!),
      target_p99_ms: 1000,
    });
    await db.close();
  } finally {
    if (process.env.BENCH_KEEP !== "1") await psql(ADMIN_URL, `drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
};
