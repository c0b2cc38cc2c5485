import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrganizationBySlug } from "@relance/db";
import { writeWorkbookSheets } from "@relance/domain";
import { buildCase, buildOrg, uniqueSlug } from "@relance/services/testing";
import { runCli } from "../cli/commands.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

const BIN = fileURLToPath(new URL("../../bin/relance.js", import.meta.url));
const run = promisify(execFile);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

/** The real `relance` binary in a child process, pointed at the running test server's data dir (or DATABASE_URL). */
const relance = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: t.config.dataDir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe("relance CLI", () => {
  it("creates an organization and a user, printing JSON", async () => {
    const deps = t.server.deps;
    const slug = uniqueSlug("cli");
    const org = await runCli(["org", "create", slug, "--name", "Horlogerie Favre SA", "--country", "CH"], deps);
    expect(org.exitCode).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ slug, name: "Horlogerie Favre SA", country: "CH", defaultCurrency: "CHF" });
    const user = await runCli(["user", "create", "--org", slug, "--email", `Ana.${slug}@Example.com`, "--role", "credit_manager"], deps);
    expect(user.exitCode).toBe(0);
    const created = JSON.parse(user.stdout) as { email: string; role: string; generatedPassword: string };
    expect(created.email).toBe(`ana.${slug}@example.com`);
    expect(created.generatedPassword).toHaveLength(16);
  });

  it("refuses bad input with one line and a non-zero exit, changing nothing", async () => {
    const deps = t.server.deps;
    const slug = uniqueSlug("bad");
    const cases: [string[], RegExp][] = [
      [["org", "create", "Not A Slug", "--name", "X"], /slug/],
      [["org", "create", slug], /--name is required/],
      [["org", "create", slug, "--name", "X", "--country", "DE"], /--country must be one of FR, CH/],
      [["user", "create", "--org", "nope-nope", "--email", "a@b.example", "--role", "admin"], /No organization with slug "nope-nope"/],
      [["user", "create", "--org", slug, "--email", "not-an-email", "--role", "admin"], /email/],
      [["user", "create", "--org", slug, "--email", "a@b.example", "--role", "boss"], /--role must be one of/],
      [["org", "create", slug, "--name", "X", "--bogus"], /Unknown option '--bogus'/],
      [["frobnicate"], /unknown command/],
      [["import", "fec", "export.txt", "--org", slug, "--sheet", "Encours"], /--sheet names a sheet of an Excel workbook imported as csv/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv, deps);
      expect(result.exitCode, argv.join(" ")).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(await findOrganizationBySlug(deps.db.sql, slug)).toBeUndefined();
  });

  it("works from another process while the server runs (through its admin socket when embedded)", async () => {
    const slug = uniqueSlug("bin");
    const created = await relance("org", "create", slug, "--name", "Menuiserie Roux SARL");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug, country: "FR" });
    expect(await findOrganizationBySlug(t.server.deps.db.sql, slug)).toMatchObject({ slug });
    const duplicate = await relance("org", "create", slug, "--name", "Again");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^error: An organization with slug ".+" already exists\.\n$/);
    const help = await relance("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("relance org create <slug>");
  });

  it("imports a CSV and exports the open items, from another process", async () => {
    const slug = uniqueSlug("imp");
    expect((await relance("org", "create", slug, "--name", "Import SA")).code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), "relance-cli-"));
    const header = "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_number,issue_date,due_date,amount,open_amount,currency";
    await writeFile(join(dir, "good.csv"), `${header}\nC1,Verrerie Lambert SAS,FR,b2b,FA-1,2026-01-05,2026-02-04,100.00,40.00,EUR\n`);
    await writeFile(join(dir, "bad.csv"), `${header}\nC2,Other SAS,FR,b2b,FA-2,2026-01-05,2026-13-04,100.00,40.00,EUR\n`);
    const inDir = (...args: string[]) =>
      run(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, DATA_DIR: t.config.dataDir } }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const good = await inDir("import", "csv", "good.csv", "--org", slug, "--as-of", "2026-03-01");
    expect(good.stderr).toBe("");
    expect(JSON.parse(good.stdout)).toMatchObject({ status: "succeeded", rowsImported: 1 });
    const bad = await inDir("import", "csv", "bad.csv", "--org", slug);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: import rejected: 1 row\(s\) rejected, nothing written; first: line 2, due_date \("2026-13-04"\)/);
    const exported = await inDir("export", "open-items", "--org", slug, "--as-of", "2026-03-01");
    expect(exported.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^invoice_external_id,/),
      // 40.00 € late 25 days at 12.15 %: 0.33 € interest, and the €40 indemnity
      "FA-1,FA-1,C1,Verrerie Lambert SAS,invoice,2026-01-05,2026-02-04,EUR,100.00,40.00,0.00,0.00,partially_paid,25,,0.33,40.00",
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it("imports the named sheet of a workbook, and refuses a sheet it does not have, writing nothing", async () => {
    const deps = t.server.deps;
    const org = await buildOrg(deps);
    const dir = await mkdtemp(join(tmpdir(), "relance-cli-"));
    const header = ["debtor_external_id", "debtor_name", "debtor_country", "debtor_segment", "invoice_number", "issue_date", "due_date", "amount", "open_amount", "currency"];
    await writeFile(join(dir, "export.xlsx"), writeWorkbookSheets([
      { name: "Lisez-moi", rows: [["Export comptable"]] },
      { name: "Encours", rows: [header, ["C1", "Verrerie Lambert SAS", "FR", "b2b", "FA-1", { date: "2026-01-05" }, { date: "2026-02-04" }, 100, 40, "EUR"]] },
    ]));
    const cli = (...args: string[]) => runCli(args, deps, { cwd: dir });
    const missing = await cli("import", "csv", "export.xlsx", "--org", org.slug, "--sheet", "Relances");
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no sheet is named "Relances" \(its sheets: "Lisez-moi", "Encours"\)/);
    const chosen = await cli("import", "csv", "export.xlsx", "--org", org.slug, "--sheet", "Encours", "--as-of", "2026-03-01");
    expect(chosen.stderr).toBe("");
    expect(JSON.parse(chosen.stdout)).toMatchObject({ status: "succeeded", rowsImported: 1, details: { invoicesCreated: 1 } });
    await rm(dir, { recursive: true, force: true });
  });

  it("plans dunning from the command line: a dry run lists the actions and writes nothing", async () => {
    const deps = t.server.deps;
    const org = await buildOrg(deps);
    await buildCase(deps, org, { name: "Verrerie Lambert SAS" });
    const dry = await runCli(["dunning", "run", "--org", org.slug, "--as-of", "2026-03-20", "--dry-run"], deps);
    expect(dry.stderr).toBe("");
    const plan = JSON.parse(dry.stdout) as { dryRun: boolean; actions: { debtorName: string; invoices: { openMinor: number }[] }[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.actions.map((a) => [a.debtorName, a.invoices.map((i) => i.openMinor)])).toEqual([["Verrerie Lambert SAS", [125_000]]]);
    const again = JSON.parse((await runCli(["dunning", "run", "--org", org.slug, "--as-of", "2026-03-20", "--dry-run"], deps)).stdout) as { actions: unknown[] };
    expect(again.actions).toHaveLength(1);
    const bad = await runCli(["dunning", "run", "--org", org.slug, "--as-of", "20/03/2026"], deps);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe("error: --as-of must be a date as YYYY-MM-DD\n");
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))("refuses to start a second server on a data dir that one holds", async () => {
    const second = await run(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../main.ts", import.meta.url))], {
      env: { ...process.env, DATA_DIR: t.config.dataDir, PORT: "0" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in second && second.code).toBe(1);
    expect("stderr" in second && second.stderr).toMatch(/held by another Relance process \(pid \d+\)/);
  });
});
