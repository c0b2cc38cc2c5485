import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDeps } from "@relance/services/testing";
import { startRelanceServer, type RunningServer } from "../app.ts";
import { loadConfig, type ServerConfig } from "../config.ts";
import { createLogger } from "../logger.ts";

export interface TestServer {
  server: RunningServer;
  config: ServerConfig;
  origin: string;
  /** Services on the server's own database, with a clock of their own for building fixtures. */
  fixtures: ReturnType<typeof buildDeps>;
  close(): Promise<void>;
}

/**
 * A whole Relance server on a free port: embedded PGlite in a temporary data dir, or the DATABASE_URL database
 * (and REDIS_URL) when set, as in CI. No demo seed: tests build their own tenants.
 */
export const startTestServer = async (env: Record<string, string> = {}): Promise<TestServer> => {
  const dataDir = await mkdtemp(join(tmpdir(), "relance-test-"));
  const config = loadConfig({
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    SEED_DEMO: "false",
    // tests build their own tenants; a daily dunning run across the shared database would disturb them
    SCHEDULER: "off",
    LOG_LEVEL: "error",
    ...env,
  });
  const server = await startRelanceServer(config, createLogger("error"));
  return {
    server,
    config,
    origin: `http://127.0.0.1:${server.port}`,
    fixtures: buildDeps(server.deps.db, new Date()),
    close: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
