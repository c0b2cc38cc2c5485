import { systemClock } from "@relance/services";
import { loadConfig } from "../config.ts";
import { readLock } from "../embedded/data-dir-lock.ts";
import { openDatabase } from "../embedded/open-database.ts";
import { forwardToAdminSocket } from "./admin-socket.ts";
import { HELP, failure, parseCommand, runParsedCommand, type CliResult } from "./commands.ts";

const emit = (result: CliResult): never => {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exit(result.exitCode);
};

const main = async (argv: string[]): Promise<CliResult> => {
  const command = parseCommand(argv);
  if (command === "help") return { exitCode: 0, stdout: `${HELP}\n`, stderr: "" };
  const config = loadConfig();
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.adminSocket) return forwardToAdminSocket(holder.adminSocket, argv, process.cwd());
    if (holder) {
      return failure(new Error(`the embedded database in ${config.dataDir} is busy (process ${holder.pid}); try again when it ends`));
    }
  }
  const db = await openDatabase(config, { adminSocket: null });
  try {
    return await runParsedCommand(command, { db, clock: systemClock }, { cwd: process.cwd() });
  } finally {
    await db.close();
  }
};

main(process.argv.slice(2)).then(emit, (error: unknown) => emit(failure(error)));
