import { spawn } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant, type OrganizationRow } from "@relance/db";
import { buildOrg, buildSentReminder, inboundEmailFixture, openTestDatabase } from "@relance/services/testing";
import { runCli } from "../cli/commands.ts";
import { EXIT_TEMPFAIL } from "../cli/mail-commands.ts";
import { createRequestHandler } from "../http/handle-request.ts";
import { createLogger } from "../logger.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

const TOKEN = "inbound-test-token-0123456789abcdef";
const BIN = fileURLToPath(new URL("../../bin/relance.js", import.meta.url));

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ INBOUND_EMAIL_TOKEN: TOKEN });
});
afterAll(async () => t?.close());

const postEmail = (body: Buffer | string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, origin = t.origin) =>
  fetch(`${origin}/api/inbound-email`, { method: "POST", headers: { "content-type": "message/rfc822", ...headers }, body });

/** What an inbound message may change in a tenant. */
const footprint = (org: OrganizationRow) =>
  withTenant(t.server.deps.db.sql, org.id, async (tx) => {
    const [row] = await tx<{ events: string[]; outbox: string[]; alerts: number }[]>`
      select (select coalesce(array_agg(kind order by id), '{}') from timeline_events) as events,
             (select coalesce(array_agg(status order by created_at), '{}') from outbox_messages) as outbox,
             (select count(*)::int as n from alerts) as alerts`;
    return row!;
  });

/** The real binary, with the message piped on stdin (through the running server's admin socket when embedded). */
const relanceWithStdin = (input: Buffer, ...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: t.config.dataDir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });

/** A body sent in chunks without a declared length; resolves with the answer however early the server gives it. */
const postChunked = (size: number) =>
  new Promise<number>((resolve, reject) => {
    const req = request(`${t.origin}/api/inbound-email`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < size && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });

describe("POST /api/inbound-email", () => {
  it("records a debtor's reply on the case timeline, once, behind the bearer token", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const sent = await buildSentReminder(t.fixtures.deps, org);
    const raw = inboundEmailFixture("gmail-reply", { messageId: sent.messageId });

    for (const headers of [{}, { authorization: "Bearer wrong-token-wrong-token-wrong" }, { authorization: TOKEN }] as Record<string, string>[]) {
      const refused = await postEmail(raw, headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="inbound-email"');
    }
    expect(await footprint(org)).toEqual({ events: ["reminder"], outbox: ["recorded"], alerts: 0 });

    const res = await postEmail(raw);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "recorded", kind: "reply", caseId: sent.caseId, outboxMessageId: sent.outboxMessageId, alerts: 1 });
    const again = await postEmail(raw);
    expect(await again.json()).toEqual({ status: "duplicate", kind: "reply", outboxMessageId: sent.outboxMessageId });
    expect(await footprint(org)).toEqual({ events: ["reminder", "reply"], outbox: ["recorded"], alerts: 1 });
  });

  it("marks a bounced message, ignores what is not ours, and refuses what is not an e-mail or too large", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const sent = await buildSentReminder(t.fixtures.deps, org);
    const bounce = await postEmail(inboundEmailFixture("postfix-bounce", { messageId: sent.messageId }));
    expect(await bounce.json()).toMatchObject({ status: "recorded", kind: "bounce" });
    const after = await footprint(org);
    expect(after).toEqual({ events: ["reminder", "bounce"], outbox: ["bounced"], alerts: 0 });

    const foreign = await postEmail(inboundEmailFixture("gmail-reply", { messageId: "<CAF-not-ours@mail.gmail.example>" }));
    expect(foreign.status).toBe(200);
    expect(await foreign.json()).toEqual({ status: "ignored", reason: "neither a reply to one of our messages nor a delivery report about one" });

    const csv = await postEmail("number;amount\nF-1;100\n");
    expect(csv.status).toBe(400);
    expect(await csv.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: 'message: line 1 is not a header field ("number;amount"): not an e-mail (RFC 5322) message' } });

    const declared = await postEmail(Buffer.alloc(11 * 1024 * 1024, 0x61));
    expect(declared.status).toBe(413);
    expect(await postChunked(11 * 1024 * 1024)).toBe(413);
    expect(await footprint(org)).toEqual(after);
  });

  it("does not exist without INBOUND_EMAIL_TOKEN", async () => {
    const state = { mode: t.server.deps.db.mode, deps: t.server.deps };
    const bare: Server = createServer(createRequestHandler({ ...t.config, inboundEmailToken: undefined }, state, createLogger("error")));
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    try {
      const res = await postEmail("From: a@b.example\r\n\r\nhi", { authorization: `Bearer ${TOKEN}` }, `http://127.0.0.1:${(bare.address() as AddressInfo).port}`);
      expect(res.status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });
});

describe("relance mail receive", () => {
  it("reads one message on stdin and prints the outcome as JSON", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const sent = await buildSentReminder(t.fixtures.deps, org);
    const out = await runCli(["mail", "receive"], t.server.deps, { cwd: process.cwd(), stdin: inboundEmailFixture("outlook-out-of-office", { messageId: sent.messageId }) });
    expect(out).toMatchObject({ exitCode: 0, stderr: "" });
    expect(JSON.parse(out.stdout)).toMatchObject({ status: "recorded", kind: "reply", alerts: 0 });

    const missing = await runCli(["mail", "receive"], t.server.deps, { cwd: process.cwd() });
    expect(missing).toEqual({ exitCode: 2, stdout: "", stderr: "error: mail receive reads one raw message on stdin\n" });
    const notMail = await runCli(["mail", "receive"], t.server.deps, { cwd: process.cwd(), stdin: Buffer.from("%PDF-1.7\n") });
    expect(notMail).toMatchObject({ exitCode: 2, stdout: "" });
    expect(notMail.stderr).toMatch(/^error: message: line 1 is not a header field/);
    expect(await footprint(org)).toEqual({ events: ["reminder", "reply"], outbox: ["recorded"], alerts: 0 });
  });

  it("works as an MTA pipe from another process while the server runs", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const sent = await buildSentReminder(t.fixtures.deps, org);
    const raw = inboundEmailFixture("gmail-reply", { messageId: sent.messageId });
    const piped = await relanceWithStdin(Buffer.concat([Buffer.from("From jeanne.martin@negoce.example  Mon Mar  2 11:42:17 2026\n"), raw]), "mail", "receive");
    expect(piped.stderr).toBe("");
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ status: "recorded", kind: "reply", caseId: sent.caseId });
    expect(JSON.parse((await relanceWithStdin(raw, "mail", "receive")).stdout)).toMatchObject({ status: "duplicate" });
    const bad = await relanceWithStdin(Buffer.from("hello\n"), "mail", "receive");
    expect(bad.code).toBe(2);
    expect(await footprint(org)).toEqual({ events: ["reminder", "reply"], outbox: ["recorded"], alerts: 1 });
  });

  it("asks the MTA to retry (EX_TEMPFAIL) when the database cannot take the message now", async () => {
    const closed = await openTestDatabase();
    await closed.close();
    const result = await runCli(["mail", "receive"], { db: closed, clock: t.fixtures.clock }, { cwd: process.cwd(), stdin: Buffer.from("From: a@b.example\r\n\r\nhi") });
    expect(result.exitCode).toBe(EXIT_TEMPFAIL);
  });
});
