import { afterEach, describe, expect, it, vi } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { YJS_READ_ONLY_REASON } from "@relance/domain";
import { connectRaw, connectClient, memoryPersistence, memoryRelayHub, silentLogger, startHttpServer, waitSynced } from "./test-support.ts";
import type { YjsServerOptions } from "./types.ts";
import { createYjsServer, type YjsServer } from "./yjs-server.ts";

const ORG = "00000000-0000-4000-8000-000000000001";
const OTHER_ORG = "00000000-0000-4000-8000-000000000002";
const AUTH = { orgId: ORG, userId: "u1", displayName: "Ann" };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const start = async (options: Partial<YjsServerOptions> = {}) => {
  const memory = memoryPersistence();
  const { logger, errors } = silentLogger();
  const yjs: YjsServer = createYjsServer({
    persistence: memory.persistence,
    logger,
    debounceMs: 30,
    maxDebounceMs: 200,
    retryDelayMs: 10,
    ...options,
  });
  const http = await startHttpServer(yjs, AUTH);
  cleanups.push(() => yjs.close(), () => http.close());
  const connect = (docName: string, opts: { doc?: Y.Doc; params?: Record<string, string> } = {}) => {
    const provider = connectClient(http.url, docName, opts);
    cleanups.push(() => provider.destroy());
    return provider;
  };
  return { yjs, http, memory, errors, connect };
};

const text = (provider: WebsocketProvider) => provider.doc.getText("default");
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 10 });

describe("Yjs WebSocket server", () => {
  it("makes the edits of two clients converge", async () => {
    const { connect } = await start();
    const a = connect("notes");
    const b = connect("notes");
    await Promise.all([waitSynced(a), waitSynced(b)]);
    text(a).insert(0, "Hello");
    await until(() => expect(text(b).toString()).toBe("Hello"));
    text(b).insert(5, " world");
    // Concurrent edits on both sides.
    text(a).insert(0, "[A]");
    text(b).insert(0, "[B]");
    await until(() => {
      expect(text(a).toString()).toBe(text(b).toString());
      expect(text(a).toString()).toMatch(/Hello world$/);
      expect(text(a).toString()).toContain("[A]");
      expect(text(a).toString()).toContain("[B]");
    });
  });

  it("sends a read-only client everything but drops what it sends", async () => {
    const { connect, yjs, memory } = await start();
    const writer = connect("ro-doc");
    const reader = connect("ro-doc", { params: { ro: "1" } });
    await waitSynced(writer);
    text(writer).insert(0, "base");
    await waitSynced(reader);
    await until(() => expect(text(reader).toString()).toBe("base"));

    text(reader).insert(0, "RO ");
    // Sent after the edit on the same socket: once the writer sees it, the server has handled the edit.
    reader.awareness.setLocalStateField("marker", 1);
    await until(() => expect(writer.awareness.getStates().get(reader.doc.clientID)).toEqual({ marker: 1 }));
    expect(text(writer).toString()).toBe("base");

    text(writer).insert(4, " more");
    await until(() => expect(text(reader).toString()).toContain("base more"));
    await yjs.flushAll();
    expect(memory.storedDoc(ORG, "ro-doc").getText("default").toString()).toBe("base more");
    // A fresh client gets the server's document: without the read-only edit.
    const fresh = connect("ro-doc");
    await waitSynced(fresh);
    expect(text(fresh).toString()).toBe("base more");
  });

  it("relays awareness and removes a client's states when it leaves", async () => {
    const { connect } = await start();
    const a = connect("aware");
    const b = connect("aware");
    await Promise.all([waitSynced(a), waitSynced(b)]);
    a.awareness.setLocalStateField("user", { name: "Ann" });
    await until(() => expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: "Ann" } }));
    // A late joiner receives the current states at once.
    const c = connect("aware");
    await until(() => expect(c.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: "Ann" } }));
    // An abrupt disconnect (no goodbye from the client): the server removes the states it set.
    a.shouldConnect = false;
    (a.ws as unknown as { terminate(): void }).terminate();
    await until(() => expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it("closes only the socket that sent a malformed message", async () => {
    const { connect, http } = await start({ maxMessageBytes: 10_000 });
    const a = connect("shared");
    const b = connect("shared");
    await Promise.all([waitSynced(a), waitSynced(b)]);

    const unknownType = connectRaw(http.url, "shared");
    await unknownType.opened;
    unknownType.ws.send(Buffer.from([99, 1, 2]));
    expect(await unknownType.closed).toEqual({ code: 1003, reason: "malformed message" });

    const truncated = connectRaw(http.url, "shared");
    await truncated.opened;
    truncated.ws.send(Buffer.from([0, 2, 40, 1]));
    expect(await truncated.closed).toEqual({ code: 1003, reason: "malformed message" });

    const textFrame = connectRaw(http.url, "shared");
    await textFrame.opened;
    textFrame.ws.send("hello");
    expect((await textFrame.closed).code).toBe(1003);

    const oversized = connectRaw(http.url, "shared");
    await oversized.opened;
    oversized.ws.send(Buffer.alloc(20_000));
    expect(await oversized.closed).toEqual({ code: 1009, reason: "message too big: 20000 bytes, at most 10000" });

    const huge = connectRaw(http.url, "shared");
    await huge.opened;
    huge.ws.send(Buffer.alloc(50_000));
    expect((await huge.closed).code).toBe(1009);

    // Well framed, but the update inside is not a Yjs update.
    const badUpdate = connectRaw(http.url, "shared");
    await badUpdate.opened;
    badUpdate.ws.send(Buffer.from([0, 2, 5, 200, 200, 200, 200, 200]));
    expect(await badUpdate.closed).toEqual({ code: 1003, reason: "malformed message" });

    text(a).insert(0, "still working");
    await until(() => expect(text(b).toString()).toBe("still working"));
    expect(a.wsconnected && b.wsconnected).toBe(true);
  });

  it("queues what a client sends while the document loads", async () => {
    const { connect, memory } = await start();
    let release!: () => void;
    memory.control.loadGate = new Promise<void>((resolve) => (release = resolve));
    const early = connect("slow");
    await until(() => expect(early.wsconnected).toBe(true));
    text(early).insert(0, "typed before the load finished");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(early.synced).toBe(false);
    release();
    memory.control.loadGate = null;
    await waitSynced(early);
    const late = connect("slow");
    await waitSynced(late);
    await until(() => expect(text(late).toString()).toBe("typed before the load finished"));
  });

  it("keeps documents of two organizations apart", async () => {
    const { connect, yjs } = await start();
    const mine = connect("same-name");
    const theirs = connect("same-name", { params: { org: OTHER_ORG } });
    await Promise.all([waitSynced(mine), waitSynced(theirs)]);
    expect(yjs.documentCount()).toBe(2);
    text(mine).insert(0, "private");
    const mine2 = connect("same-name");
    await until(() => expect(text(mine2).toString()).toBe("private"));
    expect(text(theirs).toString()).toBe("");
  });

  it("creates no content itself, stores on the last disconnect and unloads", async () => {
    const { connect, yjs, memory } = await start();
    const idle = connect("fresh");
    await waitSynced(idle);
    expect(Y.encodeStateVector(idle.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    idle.destroy();
    await until(() => expect(yjs.documentCount()).toBe(0));
    expect(memory.stores).toEqual([]);

    const writer = connect("fresh");
    await waitSynced(writer);
    text(writer).insert(0, "kept");
    writer.destroy();
    await until(() => expect(yjs.documentCount()).toBe(0));
    expect(memory.storedDoc(ORG, "fresh").getText("default").toString()).toBe("kept");
    // The final store compacts, leaving a snapshot and the plain text behind.
    expect(memory.stores.at(-1)).toMatchObject({ compactUpToId: 0, plainText: "kept" });
  });

  it("keeps the updates of a failed store for the next one", async () => {
    const { connect, yjs, memory, errors } = await start({ debounceMs: 60_000, maxDebounceMs: 60_000 });
    const writer = connect("flaky");
    await waitSynced(writer);
    text(writer).insert(0, "one");
    const probe = connect("flaky");
    await until(() => expect(text(probe).toString()).toBe("one"));
    memory.control.failStores = 1;
    await yjs.flushAll();
    expect(errors.map((e) => e.msg)).toEqual(["yjs store failed"]);
    text(writer).insert(3, " two");
    await until(() => expect(text(probe).toString()).toBe("one two"));
    await yjs.flushAll();
    expect(memory.storedDoc(ORG, "flaky").getText("default").toString()).toBe("one two");
    // The successful store carried the failed one's updates first, then the new ones.
    const [failed, succeeded] = memory.stores;
    expect(succeeded!.updates.slice(0, failed!.updates.length)).toEqual(failed!.updates);
  });

  it("retries the final store once, then unloads and says loudly what was lost", async () => {
    const { connect, yjs, memory, errors } = await start({ debounceMs: 60_000, maxDebounceMs: 60_000 });
    const writer = connect("doomed");
    await waitSynced(writer);
    text(writer).insert(0, "unsaved");
    const probe = connect("doomed");
    await until(() => expect(text(probe).toString()).toBe("unsaved"));
    memory.control.failStores = 2;
    writer.destroy();
    probe.destroy();
    await until(() => expect(yjs.documentCount()).toBe(0));
    expect(memory.stores).toHaveLength(2);
    expect(errors.at(-1)).toMatchObject({
      msg: expect.stringContaining("UNSAVED"),
      fields: { doc: `${ORG}/doomed`, unsavedUpdates: 1 },
    });
  });

  it("recovers on the retry of the final store", async () => {
    const { connect, yjs, memory } = await start({ debounceMs: 60_000, maxDebounceMs: 60_000 });
    const writer = connect("second-chance");
    await waitSynced(writer);
    text(writer).insert(0, "saved at last");
    const probe = connect("second-chance");
    await until(() => expect(text(probe).toString()).toBe("saved at last"));
    memory.control.failStores = 1;
    writer.destroy();
    probe.destroy();
    await until(() => expect(yjs.documentCount()).toBe(0));
    expect(memory.storedDoc(ORG, "second-chance").getText("default").toString()).toBe("saved at last");
  });

  it("stores and closes everything on shutdown", async () => {
    const { connect, yjs, memory } = await start({ debounceMs: 60_000, maxDebounceMs: 60_000 });
    const writer = connect("shutdown");
    await waitSynced(writer);
    const closed = new Promise<number>((resolve) => writer.once("connection-close", (event) => resolve(event?.code ?? 0)));
    text(writer).insert(0, "before shutdown");
    const probe = connect("shutdown");
    await until(() => expect(text(probe).toString()).toBe("before shutdown"));
    await yjs.close();
    expect(yjs.documentCount()).toBe(0);
    expect(memory.storedDoc(ORG, "shutdown").getText("default").toString()).toBe("before shutdown");
    expect(await closed).toBe(1001);
  });

  it("drops connections that stop answering pings", async () => {
    const { connect, http } = await start({ pingIntervalMs: 50 });
    const healthy = connect("ping");
    await waitSynced(healthy);
    const silent = connectRaw(http.url, "ping", { autoPong: false });
    await silent.opened;
    expect((await silent.closed).code).toBe(1006);
    expect(healthy.wsconnected).toBe(true);
  });

  it("relays updates and awareness between nodes, each storing what it has", async () => {
    const hub = memoryRelayHub();
    const node1 = await start({ relay: hub.relayFor() });
    const node2 = await start({ relay: hub.relayFor() });
    const a = node1.connect("relayed");
    const b = node2.connect("relayed");
    await Promise.all([waitSynced(a), waitSynced(b)]);
    text(a).insert(0, "from node 1");
    await until(() => expect(text(b).toString()).toBe("from node 1"));
    text(b).insert(0, "node 2 says: ");
    await until(() => expect(text(a).toString()).toBe("node 2 says: from node 1"));
    a.awareness.setLocalStateField("user", { name: "Ann" });
    await until(() => expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: "Ann" } }));
    a.destroy();
    await until(() => expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false));
    b.destroy();
    await until(() => expect(node1.yjs.documentCount() + node2.yjs.documentCount()).toBe(0));
    // Both nodes stored the whole document: storing an update twice is harmless, losing one is not.
    expect(node1.memory.storedDoc(ORG, "relayed").getText("default").toString()).toBe("node 2 says: from node 1");
    expect(node2.memory.storedDoc(ORG, "relayed").getText("default").toString()).toBe("node 2 says: from node 1");
    // Unloading unsubscribed both nodes.
    expect(hub.subscribers.get(`${ORG}/relayed`)?.size).toBe(0);
  });

  it("gives a node that loads a document what another node applied but had not stored yet", async () => {
    const hub = memoryRelayHub();
    // node1 never stores while open: its edits exist only in its memory and on the relay.
    const node1 = await start({ relay: hub.relayFor(), debounceMs: 60_000, maxDebounceMs: 60_000 });
    const node2 = await start({ relay: hub.relayFor() });
    const a = node1.connect("late-node");
    await waitSynced(a);
    text(a).insert(0, "typed before node 2 opened the document");
    await until(() => expect(hub.published.length).toBeGreaterThan(0));
    const b = node2.connect("late-node");
    await waitSynced(b);
    await until(() => expect(text(b).toString()).toBe("typed before node 2 opened the document"));
  });

  it("tells a read-only connection so before its first sync", async () => {
    const { http } = await start();
    const raw = connectRaw(http.url, "signal?ro=1");
    const first = new Promise<Buffer>((resolve) => raw.ws.once("message", (data) => resolve(data as Buffer)));
    await raw.opened;
    const bytes = new Uint8Array(await first);
    // messageAuth (2), permission denied (0), then the reason as a length-prefixed string.
    expect([...bytes.slice(0, 3)]).toEqual([2, 0, YJS_READ_ONLY_REASON.length]);
    expect(Buffer.from(bytes.slice(3)).toString()).toBe(YJS_READ_ONLY_REASON);
    raw.ws.close();
  });
});
