import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { findOrganizationBySlug, migrate, pendingMigrations } from "@relance/db";
import { mailReceiveCommand } from "./mail-commands.ts";
import { AppError, COUNTRIES, isAppError, isRole, ROLES, type Country } from "@relance/domain";
import {
  calendarDate,
  columnMappingSchema,
  createOrganization,
  createUserInOrganization,
  exportOpenItems,
  fileSourceFromPath,
  getKpiSnapshot,
  importFile,
  planDunning,
  rebuildKpiRollups,
  seedDemo,
  type ServiceDeps,
} from "@relance/services";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Where relative paths are resolved: the directory the command was typed in (also when a server runs it). */
export interface CliEnvironment {
  cwd: string;
  /** What was piped in, for the commands that read it (read by the CLI process and forwarded with the argv). */
  stdin?: Buffer;
}

/** Output printed as is (CSV), rather than as JSON. */
class RawOutput {
  constructor(readonly text: string) {}
}

export interface CommandSpec {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals: number;
  /** Whether the schema must be current before the command runs. */
  needsSchema: boolean;
  /** Whether the command reads its input from stdin. */
  readsStdin?: boolean;
  /** Exit code for a failure other than bad input (which stays 2), e.g. "retry later" for an MTA pipe. */
  failureExitCode?: number;
  run(deps: ServiceDeps, values: Record<string, string | boolean | undefined>, positionals: string[], env: CliEnvironment): Promise<unknown>;
}

const usageError = (message: string) => new AppError("BAD_REQUEST", message);
/** The CLI reads tenant figures as the operator of the installation, not as a member. */
const SYSTEM_USER = "00000000-0000-0000-0000-000000000000";

const orgIdOf = async (deps: ServiceDeps, slug: unknown): Promise<string> => {
  if (typeof slug !== "string") throw usageError("--org is required");
  const org = await findOrganizationBySlug(deps.db.sql, slug);
  if (!org) throw new AppError("NOT_FOUND", `No organization with slug "${slug}".`);
  return org.id;
};

const asOfOf = (deps: ServiceDeps, value: unknown): string => {
  if (value === undefined) return calendarDate(deps.clock.now());
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw usageError("--as-of must be a date as YYYY-MM-DD");
  }
  return value;
};

const readMappingFile = async (path: string) => {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw usageError(`--mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(`--mapping ${path}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
};

const IMPORT_KINDS = ["csv", "fec", "camt"] as const;

const COMMANDS: Record<string, CommandSpec> = {
  migrate: {
    usage: "relance migrate",
    summary: "apply pending database migrations",
    options: {},
    positionals: 0,
    needsSchema: false,
    run: (deps) => migrate(deps.db.sql),
  },
  seed: {
    usage: "relance seed --demo",
    summary: "create the demo workspace (idempotent)",
    options: { demo: { type: "boolean" } },
    positionals: 0,
    needsSchema: true,
    run: async (deps, values) => {
      if (!values.demo) throw usageError("seed needs --demo (the only seed there is)");
      return seedDemo(deps);
    },
  },
  "org create": {
    usage: "relance org create <slug> --name <name> [--country FR|CH]",
    summary: "create an organization (tenant)",
    options: { name: { type: "string" }, country: { type: "string" } },
    positionals: 1,
    needsSchema: true,
    run: async (deps, values, [slug]) => {
      if (typeof values.name !== "string") throw usageError("--name is required");
      const country = (typeof values.country === "string" ? values.country.toUpperCase() : "FR") as Country;
      if (!COUNTRIES.includes(country)) throw usageError(`--country must be one of ${COUNTRIES.join(", ")}`);
      return createOrganization(deps, { slug: slug!, name: values.name, country });
    },
  },
  import: {
    usage:
      "relance import <csv|fec|camt> <file> --org <slug> [--as-of YYYY-MM-DD] [--mapping mapping.json] [--sheet NAME] [--accept-valid-rows] [--account-prefix 411] [--default-terms-days 30]",
    summary: "import open items (CSV, FEC) or bank payments (camt.053/054); prints the summary as JSON",
    options: {
      org: { type: "string" },
      "as-of": { type: "string" },
      mapping: { type: "string" },
      sheet: { type: "string" },
      "accept-valid-rows": { type: "boolean" },
      "account-prefix": { type: "string" },
      "default-terms-days": { type: "string" },
    },
    positionals: 2,
    needsSchema: true,
    run: async (deps, values, [kind, file], env) => {
      if (!(IMPORT_KINDS as readonly string[]).includes(kind!)) throw usageError(`the kind must be one of ${IMPORT_KINDS.join(", ")}`);
      const sheet = typeof values.sheet === "string" ? values.sheet.trim() : undefined;
      if (sheet !== undefined && (kind !== "csv" || sheet === "")) throw usageError("--sheet names a sheet of an Excel workbook imported as csv, e.g. --sheet Encours");
      const orgId = await orgIdOf(deps, values.org);
      const asOf = asOfOf(deps, values["as-of"]);
      const source = await fileSourceFromPath(resolve(env.cwd, file!));
      const prefix = (values["account-prefix"] as string | undefined) ?? "411";
      if (!/^\d{1,8}$/.test(prefix)) throw usageError("--account-prefix must be digits, e.g. 411");
      const terms = Number((values["default-terms-days"] as string | undefined) ?? "30");
      if (!Number.isInteger(terms) || terms < 0 || terms > 365) throw usageError("--default-terms-days must be a whole number from 0 to 365");
      const mapping = typeof values.mapping === "string" ? await readMappingFile(resolve(env.cwd, values.mapping)) : undefined;
      const summary = await importFile(deps, { orgId, userId: null }, {
        source,
        asOf,
        acceptValidRows: values["accept-valid-rows"] === true,
        request: kind === "csv" ? { kind: "csv", mapping, sheet } : kind === "fec" ? { kind: "fec", accountPrefix: prefix, defaultTermsDays: terms } : { kind: "camt" },
      });
      if (summary.status === "rejected" || summary.status === "failed") {
        const first = summary.rejections[0]?.message ?? "see the rejections";
        throw new AppError("BAD_REQUEST", `import ${summary.status}: ${summary.rowsRejected} row(s) rejected, nothing written; first: ${first}`);
      }
      return summary;
    },
  },
  "export open-items": {
    usage: "relance export open-items --org <slug> [--as-of YYYY-MM-DD]",
    summary: "print the open items and their collection outcome as CSV (columns in the README)",
    options: { org: { type: "string" }, "as-of": { type: "string" } },
    positionals: 0,
    needsSchema: true,
    run: async (deps, values) => {
      const orgId = await orgIdOf(deps, values.org);
      let text = "";
      await exportOpenItems(deps, orgId, asOfOf(deps, values["as-of"]), (chunk) => {
        text += chunk;
      });
      return new RawOutput(text);
    },
  },
  "dunning run": {
    usage: "relance dunning run --org <slug> [--as-of YYYY-MM-DD] [--dry-run]",
    summary: "plan the reminders due (one per debtor) and print them with open amounts, late interest and indemnity",
    options: { org: { type: "string" }, "as-of": { type: "string" }, "dry-run": { type: "boolean" } },
    positionals: 0,
    needsSchema: true,
    run: async (deps, values) => {
      const orgId = await orgIdOf(deps, values.org);
      return planDunning(deps, orgId, { asOf: asOfOf(deps, values["as-of"]), dryRun: values["dry-run"] === true });
    },
  },
  kpi: {
    usage: "relance kpi --org <slug> [--as-of YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD]",
    summary: "print the KPI snapshot (totals, aging, DSO, CEI, forecast, promises per currency) as JSON",
    options: { org: { type: "string" }, "as-of": { type: "string" }, from: { type: "string" }, to: { type: "string" } },
    positionals: 0,
    needsSchema: true,
    run: async (deps, values) => {
      const orgId = await orgIdOf(deps, values.org);
      const asOf = asOfOf(deps, values["as-of"]);
      if ((values.from === undefined) !== (values.to === undefined)) throw usageError("--from and --to go together");
      const dateOf = (flag: "from" | "to") => {
        const text = values[flag];
        if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw usageError(`--${flag} must be a date as YYYY-MM-DD`);
        return text;
      };
      const period = values.from === undefined ? undefined : { from: dateOf("from"), to: dateOf("to") };
      return getKpiSnapshot(deps, { orgId, userId: SYSTEM_USER, role: "admin" }, { asOf, ...(period ? { period } : {}) });
    },
  },
  "kpi rebuild": {
    usage: "relance kpi rebuild --org <slug> [--dry-run]",
    summary: "recompute the KPI rollups from the invoices, repair drift and print the rows that differed as JSON",
    options: { org: { type: "string" }, "dry-run": { type: "boolean" } },
    positionals: 0,
    needsSchema: true,
    run: async (deps, values) => rebuildKpiRollups(deps, await orgIdOf(deps, values.org), { dryRun: values["dry-run"] === true }),
  },
  "user create": {
    usage: "relance user create --org <slug> --email <email> --role <role> [--name <name>] [--password <password>]",
    summary: "create a user (or reuse the account) and add it to an organization",
    options: { org: { type: "string" }, email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    positionals: 0,
    needsSchema: true,
    run: async (deps, values) => {
      for (const required of ["org", "email", "role"]) {
        if (typeof values[required] !== "string") throw usageError(`--${required} is required`);
      }
      const role = values.role as string;
      if (!isRole(role)) throw usageError(`--role must be one of ${ROLES.join(", ")}`);
      return createUserInOrganization(deps, {
        orgSlug: values.org as string,
        email: values.email as string,
        role,
        displayName: values.name as string | undefined,
        password: values.password as string | undefined,
      });
    },
  },
  "mail receive": mailReceiveCommand,
};

export const HELP = [
  "Usage: relance <command> [options]",
  "",
  "Commands:",
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
  "",
  "Reports are printed as JSON on stdout; errors as one line on stderr with a non-zero exit code.",
  "Settings come from the environment (DATABASE_URL, DATA_DIR, …): see the README.",
].join("\n");

export interface ParsedCommand {
  name: string;
  spec: CommandSpec;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses argv without touching the database, so that usage errors and --help never need one. */
export const parseCommand = (argv: string[]): ParsedCommand | "help" => {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") return "help";
  const two = argv.slice(0, 2).join(" ");
  const name = COMMANDS[two] ? two : argv[0]!;
  const spec = COMMANDS[name];
  if (!spec) throw usageError(`unknown command "${argv.slice(0, 2).join(" ")}"; see relance --help`);
  const rest = argv.slice(name.split(" ").length);
  if (rest.includes("--help")) return "help";
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${(error as Error).message.split("\n")[0]}; usage: ${spec.usage}`);
  }
  if (parsed.positionals.length !== spec.positionals) throw usageError(`usage: ${spec.usage}`);
  return { name, spec, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
};

export const runParsedCommand = async (command: ParsedCommand, deps: ServiceDeps, env: CliEnvironment): Promise<CliResult> => {
  try {
    if (command.spec.needsSchema) {
      const pending = await pendingMigrations(deps.db.sql);
      if (pending.length > 0) throw new AppError("PRECONDITION_FAILED", `the database needs migrating (${pending.join(", ")}); run relance migrate`);
    }
    const result = await command.spec.run(deps, command.values, command.positionals, env);
    if (result instanceof RawOutput) return { exitCode: 0, stdout: result.text, stderr: "" };
    return { exitCode: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "" };
  } catch (error) {
    return failure(error, command.spec.failureExitCode);
  }
};

export const failure = (error: unknown, otherFailureExitCode = 1): CliResult => {
  const message = isAppError(error) || error instanceof Error ? error.message : String(error);
  return { exitCode: isAppError(error) && error.code === "BAD_REQUEST" ? 2 : otherFailureExitCode, stdout: "", stderr: `error: ${message.split("\n")[0]}\n` };
};

/** Runs one CLI invocation against the given services: the same path standalone and inside a running server. */
export const runCli = async (argv: string[], deps: ServiceDeps, env: CliEnvironment = { cwd: process.cwd() }): Promise<CliResult> => {
  try {
    const command = parseCommand(argv);
    if (command === "help") return { exitCode: 0, stdout: `${HELP}\n`, stderr: "" };
    return await runParsedCommand(command, deps, env);
  } catch (error) {
    return failure(error);
  }
};
