import { parseArgs, type ParseArgsConfig } from "node:util";
import { migrate, pendingMigrations } from "@relance/db";
import { AppError, COUNTRIES, isAppError, isRole, ROLES, type Country } from "@relance/domain";
import { createOrganization, createUserInOrganization, seedDemo, type ServiceDeps } from "@relance/services";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

interface CommandSpec {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals: number;
  /** Whether the schema must be current before the command runs. */
  needsSchema: boolean;
  run(deps: ServiceDeps, values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<unknown>;
}

const usageError = (message: string) => new AppError("BAD_REQUEST", message);

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

export const runParsedCommand = async (command: ParsedCommand, deps: ServiceDeps): Promise<CliResult> => {
  try {
    if (command.spec.needsSchema) {
      const pending = await pendingMigrations(deps.db.sql);
      if (pending.length > 0) throw new AppError("PRECONDITION_FAILED", `the database needs migrating (${pending.join(", ")}); run relance migrate`);
    }
    const result = await command.spec.run(deps, command.values, command.positionals);
    return { exitCode: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "" };
  } catch (error) {
    return failure(error);
  }
};

export const failure = (error: unknown): CliResult => {
  const message = isAppError(error) || error instanceof Error ? error.message : String(error);
  return { exitCode: isAppError(error) && error.code === "BAD_REQUEST" ? 2 : 1, stdout: "", stderr: `error: ${message.split("\n")[0]}\n` };
};

/** Runs one CLI invocation against the given services: the same path standalone and inside a running server. */
export const runCli = async (argv: string[], deps: ServiceDeps): Promise<CliResult> => {
  try {
    const command = parseCommand(argv);
    if (command === "help") return { exitCode: 0, stdout: `${HELP}\n`, stderr: "" };
    return await runParsedCommand(command, deps);
  } catch (error) {
    return failure(error);
  }
};
