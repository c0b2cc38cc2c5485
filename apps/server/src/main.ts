import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { StartupError, startRelanceServer } from "./app.ts";

const printBanner = (url: string, mode: string, logins: { org: string; email: string; role: string; password: string }[]) => {
  const lines = [`\n  Relance is running at ${url}  (database: ${mode})\n`];
  if (logins.length > 0) {
    lines.push("  Demo logins (password for all: " + logins[0]!.password + "):");
    let org = "";
    for (const login of logins) {
      if (login.org !== org) lines.push(`    ${(org = login.org)}`);
      lines.push(`      ${login.role.padEnd(15)} ${login.email}`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
};

const main = async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startRelanceServer(config, logger);
  printBanner(server.url, config.databaseUrl ? "postgres" : `embedded, ${config.dataDir}`, server.demoLogins);
  const shutdown = (signal: string) => {
    logger.info("shutting down", { signal });
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`relance: ${error.message}\n`);
  } else {
    process.stderr.write(`relance: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
