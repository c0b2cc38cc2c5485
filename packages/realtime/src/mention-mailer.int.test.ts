import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { withTenant, type Database } from "@relance/db";
import { mentionToken } from "@relance/domain";
import { createMailer, sendChatMessage, sendDueMentionEmails } from "@relance/services";
import { buildCase, buildDeps, buildMember, buildOrg, openTestDatabase, signInMember } from "@relance/services/testing";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOnline } from "./mention-mailer.ts";
import { createSocketServer, userRoom, type SocketServer } from "./socket-server.ts";

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let db: Database;
let deps: ReturnType<typeof buildDeps>["deps"];
let sockets: SocketServer;
let origin: string;
const http = createServer();
beforeAll(async () => {
  db = await openTestDatabase();
  ({ deps } = buildDeps(db, new Date()));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // with REDIS_URL, "online" is asked of every node through the adapter
  sockets = createSocketServer(http, { deps, allowedOrigins: [origin], redisUrl: process.env.REDIS_URL, logger: quiet });
});
afterAll(async () => {
  await sockets.close();
  await db.close();
});

describe("mention e-mails and live connections", () => {
  it("e-mails the mentioned member who has no live connection, not the one connected", async () => {
    const org = await buildOrg(deps);
    const cm = await buildMember(deps, org, "credit_manager");
    const online = await buildMember(deps, org, "sales", { displayName: "Online Rep" });
    const offline = await buildMember(deps, org, "sales", { displayName: "Offline Rep" });
    const { caseId } = await buildCase(deps, org);
    const client = connect(origin, { transports: ["websocket"], reconnection: false, extraHeaders: { origin, cookie: `relance_session=${await signInMember(deps, online)}` } });
    await new Promise<void>((resolve, reject) => {
      client.once("connect", () => resolve());
      client.once("connect_error", reject);
    });
    try {
      await sendChatMessage(deps, cm, { caseId, clientId: crypto.randomUUID(), body: `${mentionToken(online.userId)} ${mentionToken(offline.userId)} look` }, { mentionEmailDelayMs: 0 });
      const report = await sendDueMentionEmails(deps, { mailer: createMailer(), isOnline: memberOnline(sockets.io, userRoom), orgId: org.id, now: new Date(Date.now() + 1_000) });
      expect(report).toEqual({ sent: 0, recorded: 1, skipped: 1, failed: 0 });
      const outbox = await withTenant(deps.db.sql, org.id, (tx) => tx`select recipient from outbox_messages where case_id = ${caseId}`);
      expect(outbox.map((r) => r.recipient)).toEqual([offline.email]);
    } finally {
      client.disconnect();
    }
  });
});
