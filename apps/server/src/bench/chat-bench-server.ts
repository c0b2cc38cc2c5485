// Child process of the chat benchmark: one server ("relance": the whole product on PostgreSQL, or "bare": a Socket.IO
// relay with no auth and no storage), answering the parent over IPC so that its CPU and memory are measured apart
// from the clients'.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { withTenant } from "@relance/db";
import { buildCase, buildDeps, buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { Server } from "socket.io";
import { startRelanceServer } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";

type Request = { type: "usage" } | { type: "stop" };
const send = (message: unknown) => process.send?.(message);
const mode = process.argv[2];
const rooms = Number(process.argv[3] ?? 100);

const answerUsage = (stop: () => Promise<void>) =>
  process.on("message", (request: Request) => {
    if (request.type === "usage") send({ type: "usage", cpu: process.cpuUsage(), rss: process.memoryUsage.rss() });
    if (request.type === "stop") void stop().finally(() => process.exit(0));
  });

/** The same shape of traffic as the chat, with nothing in between: join a room, relay to it, acknowledge. */
const startBare = () => {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const io = new Server(http, { serveClient: false });
  io.on("connection", (socket) => {
    socket.on("chat:since", (payload: { caseId: string }, ack: (r: unknown) => void) => {
      void socket.join(payload.caseId);
      ack({ ok: true, data: null });
    });
    socket.on("chat:send", (payload: { caseId: string; clientId: string; body: string }, ack: (r: unknown) => void) => {
      const message = { ...payload, seq: 0 };
      io.to(payload.caseId).emit("chat:message", message);
      ack({ ok: true, data: message });
    });
  });
  http.listen(0, "127.0.0.1", () => {
    send({ type: "ready", port: (http.address() as AddressInfo).port, tokens: [], caseIds: Array.from({ length: rooms }, (_, i) => `room-${i}`) });
  });
  answerUsage(async () => {
    io.close();
  });
};

const startRelance = async () => {
  if (!process.env.DATABASE_URL) throw new Error("the chat benchmark runs on PostgreSQL: set DATABASE_URL");
  const config = loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", SCHEDULER: "off", LOG_LEVEL: "error" });
  const server = await startRelanceServer(config, createLogger("error"));
  const { deps } = buildDeps(server.deps.db, new Date());
  const org = await buildOrg(deps, { name: "Chat bench" });
  // one credit manager per room, each signed in once: ten sockets share a member's session
  const members = await Promise.all(Array.from({ length: rooms }, (_, i) => buildMember(deps, org, "credit_manager", { displayName: `Bench ${i}` })));
  const tokens = await Promise.all(members.map((m) => signInMember(deps, m)));
  const caseIds: string[] = [];
  for (let i = 0; i < rooms; i++) caseIds.push((await buildCase(deps, org)).caseId);
  send({ type: "ready", port: server.port, tokens, caseIds });
  answerUsage(async () => {
    // the benchmark's tenant goes with its cases and messages
    await withTenant(server.deps.db.sql, org.id, (tx) => tx`delete from chat_messages`).catch(() => undefined);
    await server.deps.db.sql`delete from organizations where id = ${org.id}`.catch(() => undefined);
    await server.stop();
  });
};

(mode === "bare" ? Promise.resolve(startBare()) : startRelance()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
