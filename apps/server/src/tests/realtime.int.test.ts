import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { YJS_CLOSE_ACCESS_REVOKED, YJS_CLOSE_SESSION_ENDED, type Ack, type ClientToServerEvents, type PresenceUpdate, type ServerToClientEvents } from "@relance/domain";
import { endOtherSessions, validateSessionToken } from "@relance/services";
import { buildCase, buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { io as connect, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "./test-server.ts";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let t: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const openSocket = (token: string | null, origin = t.origin): Promise<ClientSocket> =>
  new Promise((resolve, reject) => {
    const socket: ClientSocket = connect(t.origin, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin, ...(token ? { cookie: `relance_session=${token}` } : {}) },
    });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
  });

const join = (socket: ClientSocket, caseId: unknown) =>
  new Promise<Ack<PresenceUpdate>>((resolve) => socket.emit("presence:join", { caseId } as { caseId: string }, resolve));

const nextPresence = (socket: ClientSocket, predicate: (u: PresenceUpdate) => boolean) =>
  new Promise<PresenceUpdate>((resolve) => {
    const listener = (update: PresenceUpdate) => {
      if (!predicate(update)) return;
      socket.off("presence:update", listener);
      resolve(update);
    };
    socket.on("presence:update", listener);
  });

const upgradeStatus = (path: string, headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.server.port}${path}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", () => resolve(-1));
  });

/** Opens a WebSocket and waits for the server to close it. */
const upgradeClose = (path: string, headers: Record<string, string>) =>
  new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.server.port}${path}`, { headers });
    ws.on("unexpected-response", (_req, res) => reject(new Error(`refused over HTTP: ${res.statusCode}`)));
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on("error", () => undefined);
  });

describe("Socket.IO presence", () => {
  it("shows two members of the tenant to each other in a case, live", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const sophie = await buildMember(deps, org, "credit_manager", { displayName: "Sophie" });
    const claire = await buildMember(deps, org, "admin", { displayName: "Claire" });
    const { caseId } = await buildCase(deps, org);
    const a = await openSocket(await signInMember(deps, sophie));
    const b = await openSocket(await signInMember(deps, claire));
    const first = await join(a, caseId);
    expect(first).toEqual({ ok: true, data: { caseId, members: [{ userId: sophie.userId, displayName: "Sophie" }] } });
    const seenByA = nextPresence(a, (u) => u.members.length === 2);
    const second = await join(b, caseId);
    expect(second.ok && second.data.members.map((m) => m.displayName)).toEqual(["Claire", "Sophie"]);
    expect((await seenByA).members.map((m) => m.displayName)).toEqual(["Claire", "Sophie"]);
    const leftA = nextPresence(a, (u) => u.members.length === 1);
    b.disconnect();
    expect((await leftA).members).toEqual([{ userId: sophie.userId, displayName: "Sophie" }]);
  });

  it("answers another tenant's case and a case a sales rep was not brought into as not found", async () => {
    const { deps } = t.fixtures;
    const orgA = await buildOrg(deps);
    const orgB = await buildOrg(deps);
    const { caseId } = await buildCase(deps, orgA);
    const outsider = await openSocket(await signInMember(deps, await buildMember(deps, orgB, "admin")));
    expect(await join(outsider, caseId)).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Case not found", key: "errors.notFound" } });
    const rep = await buildMember(deps, orgA, "sales");
    const repSocket = await openSocket(await signInMember(deps, rep));
    expect((await join(repSocket, caseId)).ok).toBe(false);
    const owned = await buildCase(deps, orgA, { salesOwnerId: rep.userId });
    expect((await join(repSocket, owned.caseId)).ok).toBe(true);
  });

  it("answers a malformed payload with BAD_REQUEST and keeps the connection", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const socket = await openSocket(await signInMember(deps, await buildMember(deps, org, "admin")));
    const result = await join(socket, "not-a-uuid");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("BAD_REQUEST");
    expect(!result.ok && result.error.message).toContain("caseId");
    expect(socket.connected).toBe(true);
  });

  it("refuses a handshake without a session or from a foreign Origin", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const token = await signInMember(deps, await buildMember(deps, org, "admin"));
    await expect(openSocket(null)).rejects.toThrow();
    await expect(openSocket(token, "http://evil.example")).rejects.toThrow();
    await expect(openSocket("abcdefghijklmnopqrstuvwxyz234567")).rejects.toThrow();
  });
});

describe("ended sessions", () => {
  it("closes the live connection of a session ended from another device", async () => {
    const deps = t.server.deps;
    const org = await buildOrg(deps);
    const member = await buildMember(deps, org, "credit_manager");
    const phone = await openSocket(await signInMember(deps, member));
    const laptopToken = await signInMember(deps, member);
    const laptop = await openSocket(laptopToken);
    const dropped = new Promise<string>((resolve) => phone.once("disconnect", (reason) => resolve(reason)));
    const laptopSession = await validateSessionToken(deps, laptopToken);
    expect(await endOtherSessions(deps, member.userId, laptopSession!.session.id)).toBe(1);
    expect(await dropped).toBe("io server disconnect");
    expect(laptop.connected).toBe(true);
  });
});

describe("Yjs endpoint upgrade", () => {
  it("authenticates, checks Origin and authorizes before loading a document", async () => {
    const { deps } = t.fixtures;
    const orgA = await buildOrg(deps);
    const orgB = await buildOrg(deps);
    const { caseId } = await buildCase(deps, orgA);
    const tokenA = await signInMember(deps, await buildMember(deps, orgA, "credit_manager"));
    const tokenB = await signInMember(deps, await buildMember(deps, orgB, "admin"));
    const path = `/yjs/case-${caseId}`;
    // without a session the editor must learn why: a browser cannot read an HTTP refusal, so it is a close code
    expect(await upgradeClose(path, { origin: t.origin })).toEqual({ code: YJS_CLOSE_SESSION_ENDED, reason: "session ended" });
    expect(await upgradeStatus(path, { origin: "http://evil.example", cookie: `relance_session=${tokenA}` })).toBe(403);
    // no right to the document: opened and closed at once with the access code, so that the editor stops retrying
    expect(await upgradeClose(path, { origin: t.origin, cookie: `relance_session=${tokenB}` })).toEqual({ code: YJS_CLOSE_ACCESS_REVOKED, reason: "no access" });
    expect(await upgradeClose("/yjs/whatever", { origin: t.origin, cookie: `relance_session=${tokenA}` })).toEqual({ code: YJS_CLOSE_ACCESS_REVOKED, reason: "no access" });
    expect(await upgradeStatus("/elsewhere", { origin: t.origin, cookie: `relance_session=${tokenA}` })).toBe(400);
    expect(await upgradeStatus(path, { origin: t.origin, cookie: `relance_session=${tokenA}` })).toBe(101);
  });
});
