import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { findOrganizationBySlug, migrate, MigrationError, type Database } from "@relance/db";
import {
  createPostgresYjsPersistence,
  createRedisYjsRelay,
  createSocketServer,
  createUpgradeRouter,
  createYjsServer,
  endNotesConnections,
  startSessionSweep,
  type Logger,
} from "@relance/realtime";
import { startMentionMailer, userRoom } from "@relance/realtime";
import { DEMO_ORGS, listDemoLogins, seedDemo, startScheduler, systemClock, type Clock, type DemoLogin, type DomainEvent, type ServiceDeps } from "@relance/services";
import type { ServerConfig } from "./config.ts";
import { startAdminSocket } from "./cli/admin-socket.ts";
import { adminSocketPathOf, openDatabase } from "./embedded/open-database.ts";
import { createRequestHandler, type ServerState } from "./http/handle-request.ts";

export class StartupError extends Error {}

export interface RunningServer {
  url: string;
  port: number;
  deps: ServiceDeps;
  /** Demo logins when the demo workspace is present in this database. */
  demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

const shouldSeed = (config: ServerConfig): boolean =>
  config.seedDemo === "true" || (config.seedDemo === "auto" && !config.databaseUrl);

const listen = async (server: Server, port: number, host: string): Promise<number> => {
  server.listen(port, host);
  await once(server, "listening");
  const address = server.address();
  return typeof address === "object" && address ? address.port : port;
};

/**
 * The composition root: one HTTP server carrying /healthz, tRPC, the SPA, Socket.IO and the Yjs endpoint. It
 * listens first (health answers 503), then opens and migrates the database, seeds the demo when asked, and only
 * then serves.
 */
export const startRelanceServer = async (config: ServerConfig, logger: Logger, clock: Clock = systemClock): Promise<RunningServer> => {
  const embedded = !config.databaseUrl;
  const state: ServerState = { mode: embedded ? "embedded" : "postgres", deps: null };
  const httpServer = createServer(createRequestHandler(config, state, logger));
  httpServer.keepAliveTimeout = 65_000;
  const port = await listen(httpServer, config.port, config.host);

  let db: Database;
  const adminSocketPath = embedded ? adminSocketPathOf(config.dataDir) : null;
  try {
    db = await openDatabase(config, { adminSocket: adminSocketPath });
  } catch (error) {
    httpServer.close();
    throw new StartupError(`Cannot open the database: ${(error as Error).message}`);
  }
  try {
    const { applied } = await migrate(db.sql);
    if (applied.length > 0) logger.info("migrations applied", { applied });
  } catch (error) {
    await db.close();
    httpServer.close();
    if (error instanceof MigrationError) throw new StartupError(`${error.message}. The schema is unchanged; fix the migration and start again.`);
    throw error;
  }

  // services announce events before the sockets exist (seed); they are relayed once the socket server is up
  let relay: ((event: DomainEvent) => void) | null = null;
  const delivery = { ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}), sms: config.sms };
  const deps: ServiceDeps = { db, clock, events: { emit: (event) => relay?.(event) }, delivery };
  if (shouldSeed(config)) {
    const seeded = await seedDemo(deps);
    if (seeded.created.length > 0) logger.info("demo workspace created", { orgs: seeded.created, debtors: seeded.debtors, invoices: seeded.invoices });
  }
  const demoLogins = (await findOrganizationBySlug(db.sql, DEMO_ORGS[0]!.slug)) ? listDemoLogins() : [];

  const sockets = createSocketServer(httpServer, {
    deps, allowedOrigins: config.allowedOrigins, redisUrl: config.redisUrl, logger, chat: { mentionEmailDelayMs: config.chat.mentionEmailDelayMs },
  });
  relay = sockets.relayDomainEvent;
  // With Redis, the nodes holding a document exchange its updates and awareness, so its editors may be on any node.
  const yjsRelay = config.redisUrl ? createRedisYjsRelay(config.redisUrl, { logger }) : undefined;
  const yjs = createYjsServer({ persistence: createPostgresYjsPersistence(db), logger, ...(yjsRelay ? { relay: yjsRelay } : {}) });
  // an ended session or a revoked case access also closes the notes connections it covered, on every node
  sockets.onNodeEvent((event) => endNotesConnections(yjs, event));
  const routeUpgrade = createUpgradeRouter({ deps, allowedOrigins: config.allowedOrigins, io: sockets.io, yjs, logger });
  // Socket.IO attached its own upgrade listener; one router decides by path instead.
  httpServer.removeAllListeners("upgrade");
  httpServer.on("upgrade", routeUpgrade);

  // sessions that run out while their connections are open: each node checks its own once a minute
  const sessionSweep = startSessionSweep(deps, {
    intervalMs: config.sessionSweepMs,
    sessionIds: () => [...sockets.localSessionIds(), ...yjs.sessionIds()],
    logger,
  });

  const admin = adminSocketPath ? await startAdminSocket(adminSocketPath, deps) : null;
  state.deps = deps;
  // Daily dunning runs (plan, then send) from the durable jobs table; any node may take a due job.
  const scheduler = config.scheduler
    ? startScheduler(deps, {
        intervalMs: 60_000,
        send: delivery,
        onError: (error) => logger.error("dunning scheduler tick failed", { error: String(error) }),
      })
    : null;

  // Unread mentions of members who stayed offline are e-mailed (or recorded in the outbox without SMTP).
  const mentionMailer = config.scheduler
    ? startMentionMailer(deps, sockets.io, { intervalMs: 30_000, userRoom, smtpUrl: config.smtpUrl, publicUrl: config.publicUrl, logger })
    : null;

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await scheduler?.stop();
      await mentionMailer?.stop();
      await sessionSweep.stop();
      // stop accepting; requests still in flight are answered 503
      state.deps = null;
      httpServer.close();
      httpServer.closeIdleConnections();
      admin?.close();
      await yjs.flushAll().catch((error: unknown) => logger.error("flushing documents failed", { error: String(error) }));
      await yjs.close();
      await yjsRelay?.close();
      // Socket.IO's close waits for the HTTP server, which waits for keep-alive connections: end them first
      httpServer.closeAllConnections();
      await sockets.close();
      await db.close();
    })());

  const shownHost = ["0.0.0.0", "127.0.0.1", "::", "::1"].includes(config.host) ? "localhost" : config.host;
  return { url: `http://${shownHost}:${port}`, port, deps, demoLogins, stop };
};
