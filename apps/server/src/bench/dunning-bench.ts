import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { connectPostgres, migrate } from "@relance/db";
import { createOrganization, ensureDefaultPolicies, planDunning, systemClock } from "@relance/services";

const run = promisify(execFile);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const AS_OF = "2026-11-02";

const psql = (url: string, command: string) => run("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", command], { maxBuffer: 1 << 20 });

/**
 * Books generated in SQL (generate_series): debtors 80 % French B2B, 10 % French B2C, 10 % Swiss; invoices due from
 * 120 days before the as-of date to 20 days after, so every step of every policy is exercised. A few debtors on hold.
 */
const insertBooks = async (url: string, orgId: string, invoices: number, debtors: number) => {
  await psql(url, `insert into debtors (org_id, external_id, name, country, segment, jurisdiction, language, on_hold)
    select '${orgId}', 'D' || g, 'Debtor ' || g, case when g % 10 = 0 then 'CH' else 'FR' end,
      case when g % 10 = 1 then 'b2c' else 'b2b' end, case when g % 10 = 0 then 'CH' else 'FR' end, 'fr', g % 500 = 0
    from generate_series(1, ${debtors}) g`);
  await psql(url, `insert into invoices (org_id, debtor_id, number, external_id, issue_date, due_date, currency, amount_minor, open_minor, accounting_open_minor, accounting_as_of)
    select '${orgId}', d.id, 'F' || g, 'F' || g, due - 30, due, case when d.jurisdiction = 'CH' then 'CHF' else 'EUR' end, amount, amount, amount, '${AS_OF}'
    from generate_series(1, ${invoices}) g
    cross join lateral (select date '${AS_OF}' - 120 + (g::bigint * 7919 % 141)::int as due, 1000 + (g::bigint * 104729 % 500000) as amount) v
    join debtors d on d.org_id = '${orgId}' and d.external_id = 'D' || (1 + g % ${debtors})`);
  // As the books of a tenant are when the nightly run finds them: imported earlier and since vacuumed by autovacuum
  // (hint bits set, visibility map built). Right after a bulk insert, autovacuum would start on the million rows in
  // the middle of the first run and the figure would measure it.
  await psql(url, "vacuum analyze");
  // and the generator's own writes flushed, so that the timed runs do not pay for its checkpoint
  await psql(url, "checkpoint");
};

export const runDunningBench = async (options: { invoices: number; debtors: number }) => {
  const dbName = `relance_dbench_${Date.now()}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  await psql(ADMIN_URL, `create database ${dbName}`);
  try {
    const db = await connectPostgres(url, 2);
    await migrate(db.sql);
    const deps = { db, clock: systemClock };
    const org = await createOrganization(deps, { slug: "bench-dunning", name: "Bench", country: "FR" });
    await ensureDefaultPolicies(deps, org.id);
    await insertBooks(url, org.id, options.invoices, options.debtors);
    const timed = async () => {
      const started = performance.now();
      const plan = await planDunning(deps, org.id, { asOf: AS_OF });
      return { seconds: (performance.now() - started) / 1000, actions: plan.actions.length, invoices: plan.actions.reduce((n, a) => n + a.invoices.length, 0) };
    };
    if (process.env.BENCH_KEEP === "1") console.error(url);
    const first = await timed();
    const second = await timed();
    await db.close();
    console.log(
      JSON.stringify({
        bench: "dunning",
        invoices: options.invoices,
        debtors: options.debtors,
        first_run_seconds: +first.seconds.toFixed(2),
        first_run_actions: first.actions,
        first_run_invoices_planned: first.invoices,
        second_run_seconds: +second.seconds.toFixed(2),
        second_run_actions: second.actions,
        target_seconds: 10,
      }),
    );
    if (second.actions !== 0) throw new Error(`the second run planned ${second.actions} actions; expected 0`);
  } finally {
    if (process.env.BENCH_KEEP !== "1") await psql(ADMIN_URL, `drop database if exists ${dbName} with (force)`).catch(() => undefined);
  }
};
