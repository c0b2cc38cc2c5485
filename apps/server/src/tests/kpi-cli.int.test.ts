import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markJobDone, type Database } from "@relance/db";
import { enqueueNightlyKpiRebuilds, KPI_REBUILD_JOB, runKpiRebuildJob, type ServiceDeps } from "@relance/services";
import { addDebtor, addInvoices, buildDeps, buildOrg, openTestDatabase } from "@relance/services/testing";
import { runCli } from "../cli/commands.ts";

let db: Database;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await openTestDatabase();
  deps = buildDeps(db).deps;
});
afterAll(async () => db.close());

/** A tenant with three invoices as of 2026-03-02: 1,000.00 not due, 300.00 10 days late, 200.00 45 days late. */
const buildBooks = async () => {
  const org = await buildOrg(deps);
  const debtorId = await addDebtor(deps, org);
  await addInvoices(deps, org, debtorId, [
    { number: "A", issueDate: "2026-02-20", dueDate: "2026-03-20", amountMinor: 100_000 },
    { number: "B", issueDate: "2026-01-20", dueDate: "2026-02-20", amountMinor: 30_000 },
    { number: "C", issueDate: "2025-12-16", dueDate: "2026-01-16", amountMinor: 20_000 },
  ]);
  return org;
};

type Snapshot = { asOf: string; currencies: { currency: string; totalMinor: number; overdueMinor: number; aging: { key: string; openMinor: number }[] }[] };

describe("relance kpi", () => {
  it("prints the snapshot as of a date", async () => {
    const org = await buildBooks();
    const out = await runCli(["kpi", "--org", org.slug, "--as-of", "2026-03-02"], deps);
    expect(out.stderr).toBe("");
    const snapshot = JSON.parse(out.stdout) as Snapshot;
    expect(snapshot.asOf).toBe("2026-03-02");
    const eur = snapshot.currencies.find((c) => c.currency === "EUR")!;
    expect(eur).toMatchObject({ totalMinor: 150_000, overdueMinor: 50_000 });
    expect(eur.aging.map((b) => [b.key, b.openMinor])).toEqual([["not-due", 100_000], ["1-30", 30_000], ["31-60", 20_000], ["61-90", 0], ["over-90", 0]]);
    // a month later everything has aged, from the dated history
    const later = JSON.parse((await runCli(["kpi", "--org", org.slug, "--as-of", "2026-04-01"], deps)).stdout) as Snapshot;
    expect(later.currencies[0]!.aging.map((b) => b.openMinor)).toEqual([0, 100_000, 30_000, 20_000, 0]);
  });

  it("reports drift, repairs it on rebuild, and finds none after", async () => {
    const org = await buildBooks();
    await db.sql`update kpi_open_rollup set open_minor = open_minor + 7 where org_id = ${org.id} and due_date = '2026-02-20' and not all_owners`;
    const dry = await runCli(["kpi", "rebuild", "--org", org.slug, "--dry-run"], deps);
    const report = JSON.parse(dry.stdout) as { drift: { rollup: string; date: string; actualMinor: number; expectedMinor: number }[]; repaired: boolean };
    expect(report.repaired).toBe(false);
    expect(report.drift).toEqual([expect.objectContaining({ rollup: "open", date: "2026-02-20", actualMinor: 30_007, expectedMinor: 30_000 })]);
    const fixed = JSON.parse((await runCli(["kpi", "rebuild", "--org", org.slug], deps)).stdout) as { drift: unknown[]; repaired: boolean };
    expect(fixed).toMatchObject({ repaired: true });
    expect(fixed.drift).toHaveLength(1);
    const again = JSON.parse((await runCli(["kpi", "rebuild", "--org", org.slug], deps)).stdout) as { drift: unknown[]; repaired: boolean };
    expect(again).toMatchObject({ drift: [], repaired: false });
  });

  it("refuses bad input with one line and exit code 2", async () => {
    const org = await buildBooks();
    const cases: [string[], RegExp][] = [
      [["kpi", "--org", org.slug, "--as-of", "2026-13-01"], /--as-of must be a date/],
      [["kpi", "--org", org.slug, "--from", "2026-01-01"], /--from and --to go together/],
      [["kpi", "--org", org.slug, "--from", "2026-03-01", "--to", "2026-02-01"], /period ends before it starts/],
      [["kpi", "rebuild"], /--org is required/],
    ];
    for (const [argv, message] of cases) {
      const out = await runCli(argv, deps);
      expect(out.exitCode, argv.join(" ")).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    expect((await runCli(["kpi", "--org", "no-such-org"], deps)).exitCode).toBe(1);
  });

  it("runs a nightly rebuild through the jobs table and keeps its report", async () => {
    const org = await buildBooks();
    await db.sql`update kpi_sales_rollup set sales_minor = sales_minor - 1 where org_id = ${org.id} and issue_date = '2026-02-20' and all_owners`;
    await enqueueNightlyKpiRebuilds(deps, org.id);
    const [job] = await db.sql<{ id: number; orgId: string; kind: string; runAt: Date; dedupeKey: string; attempts: number; payload: Record<string, unknown> }[]>`
      select id, org_id as "orgId", kind, run_at as "runAt", dedupe_key as "dedupeKey", attempts, payload from jobs
      where org_id = ${org.id} and kind = ${KPI_REBUILD_JOB}`;
    expect(job!.dedupeKey).toBe(`kpi.rebuild:${org.id}:2026-03-02`);
    const report = await runKpiRebuildJob(deps, job!);
    await markJobDone(db.sql, job!.id, new Date());
    expect(report.drift).toEqual([expect.objectContaining({ rollup: "sales", date: "2026-02-20", actualMinor: 99_999, expectedMinor: 100_000 })]);
    const [row] = await db.sql<{ payload: { report: { drift: number; repaired: boolean } } }[]>`select payload from jobs where id = ${job!.id}`;
    expect(row!.payload.report).toMatchObject({ drift: 1, repaired: true });
  });
});
