import { withTenant } from "@relance/db";
import { buildCase, buildMember, buildOrg, signInMember, type TestMember } from "@relance/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, collect, expectOk, nextEvent, openChatClient, type ChatClient } from "./chat-clients.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

// A live connection keeps what it was opened with (the member's role, his session): what changes since must count
// from the very next chat event, with no cache to wait out.

let t: TestServer;
const sockets: ChatClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const newId = () => crypto.randomUUID();
const storedBodies = (orgId: string, caseId: string) =>
  withTenant(t.server.deps.db.sql, orgId, async (tx) =>
    (await tx<{ body: string }[]>`select body from chat_messages where case_id = ${caseId} order by seq`).map((r) => r.body));
const post = async (token: string, path: string, input: unknown) => {
  const res = await fetch(`${t.origin}/trpc/${path}`, {
    method: "POST",
    headers: { cookie: `relance_session=${token}`, origin: t.origin, "content-type": "application/json" },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
  expect(res.status).toBe(200);
};

const room = async () => {
  const deps = t.server.deps;
  const org = await buildOrg(deps);
  const admin = await buildMember(deps, org, "admin");
  const cm = await buildMember(deps, org, "credit_manager", { displayName: "Sophie Bernard" });
  const watcher = await buildMember(deps, org, "credit_manager", { displayName: "Other Cm" });
  const { caseId } = await buildCase(deps, org);
  return { org, admin, cm, watcher, caseId, adminToken: await signInMember(deps, admin) };
};
const openIn = async (member: TestMember, caseId: string, token?: string) => {
  const socket = await openChatClient(t.origin, token ?? (await signInMember(t.server.deps, member)), sockets);
  await expectOk(ask(socket, "chat:since", { caseId, afterSeq: null, afterRev: 0 }));
  return socket;
};

describe("chat events after a change to the person", () => {
  it("judges the very next send and typing by the role an admin just gave, both ways", async () => {
    const d = await room();
    const cm = await openIn(d.cm, d.caseId);
    const watcher = await openIn(d.watcher, d.caseId);
    await expectOk(ask(cm, "chat:send", { caseId: d.caseId, clientId: newId(), body: "as a credit manager" }));

    await post(d.adminToken, "members.changeRole", { userId: d.cm.userId, role: "manager" });
    const seen = collect(watcher, "chat:message");
    expect(await ask(cm, "chat:send", { caseId: d.caseId, clientId: newId(), body: "as a manager" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await ask(cm, "chat:typing", { caseId: d.caseId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // a manager still reads the chat
    await expectOk(ask(cm, "chat:history", { caseId: d.caseId, before: 1000 }));

    await post(d.adminToken, "members.changeRole", { userId: d.cm.userId, role: "credit_manager" });
    const relayed = nextEvent(watcher, "chat:message", (m) => m.body === "a credit manager again");
    await expectOk(ask(cm, "chat:send", { caseId: d.caseId, clientId: newId(), body: "a credit manager again" }));
    await relayed;
    expect(seen.map((m) => m.body)).toEqual(["a credit manager again"]);
    expect(await storedBodies(d.org.id, d.caseId)).toEqual(["as a credit manager", "a credit manager again"]);
  });

  it("closes the connections of an ended session at once and refuses them back: the session posts nothing more", async () => {
    const d = await room();
    const token = await signInMember(t.server.deps, d.cm);
    const cm = await openIn(d.cm, d.caseId, token);
    const watcher = await openIn(d.watcher, d.caseId);
    await expectOk(ask(cm, "chat:send", { caseId: d.caseId, clientId: newId(), body: "signed in" }));
    const closed = new Promise<string>((resolve) => cm.once("disconnect", (reason) => resolve(reason)));
    await post(token, "auth.signOut", undefined);
    expect(await closed).toBe("io server disconnect");
    const seen = collect(watcher, "chat:message");
    cm.connect();
    const refused = await new Promise<unknown>((resolve) => {
      cm.once("connect", () => resolve("connected"));
      cm.once("connect_error", (error) => resolve(error.message));
    });
    expect(refused).not.toBe("connected");
    // the room goes on without him
    const adminSocket = await openIn(d.admin, d.caseId);
    const relayed = nextEvent(watcher, "chat:message", (m) => m.body === "admin");
    await expectOk(ask(adminSocket, "chat:send", { caseId: d.caseId, clientId: newId(), body: "admin" }));
    await relayed;
    expect(seen.map((m) => m.body)).toEqual(["admin"]);
    expect(await storedBodies(d.org.id, d.caseId)).toEqual(["signed in", "admin"]);
  });
});
