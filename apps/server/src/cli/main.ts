import { MAX_INBOUND_EMAIL_BYTES, systemClock } from "@relance/services";
import { loadConfig } from "../config.ts";
import { readLock } from "../embedded/data-dir-lock.ts";
import { openDatabase } from "../embedded/open-database.ts";
import { forwardToAdminSocket } from "./admin-socket.ts";
import { HELP, failure, parseCommand, runParsedCommand, type CliResult } from "./commands.ts";
import { readStdinLimited } from "./read-stdin.ts";

const emit = (result: CliResult): never => {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exit(result.exitCode);
};

const main = async (argv: string[]): Promise<CliResult> => {
  const command = parseCommand(argv);
  if (command === "help") return { exitCode: 0, stdout: `${HELP}\n`, stderr: "" };
  try {
    const stdin = command.spec.readsStdin ? await readStdinLimited(process.stdin, MAX_INBOUND_EMAIL_BYTES) : undefined;
    const config = loadConfig();
    if (!config.databaseUrl) {
      const holder = readLock(config.dataDir);
      if (holder?.adminSocket) return await forwardToAdminSocket(holder.adminSocket, argv, process.cwd(), stdin);
      if (holder) {
        return failure(new Error(`the embedded database in ${config.dataDir} is busy (process ${holder.pid}); try again when it ends`), command.spec.failureExitCode);
      }
    }
    const db = await openDatabase(config, { adminSocket: null });
    try {
      return await runParsedCommand(command, { db, clock: systemClock }, { cwd: process.cwd(), ...(stdin ? { stdin } : {}) });
    } finally {
      await db.close();
    }
  } catch (error) {
    // e.g. the database cannot be opened: an MTA pipe keeps the message and retries
    return failure(error, command.spec.failureExitCode);
  }
};

main(process.argv.slice(2)).then(emit, (error: unknown) => emit(failure(error)));
