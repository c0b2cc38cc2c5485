import { type Database, insertOrganization, withTenant } from "@relance/db";
import { openTestDatabase, uniqueSlug } from "@relance/db/testing";
// fast-check is a devDependency of @relance/domain, hoisted to the workspace root.
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createPostgresYjsPersistence } from "./postgres-persistence.ts";
import { createRedisYjsRelay } from "./redis-relay.ts";
import { connectClient, memoryRelayHub, startHttpServer, waitSynced } from "./test-support.ts";
import type { YjsPersistence, YjsRelay, YjsServerOptions } from "./types.ts";
import { createYjsServer } from "./yjs-server.ts";

let db: Database;
let orgId: string;
let persistence: YjsPersistence;
const redisUrl = process.env.REDIS_URL;

beforeAll(async () => {
  db = await openTestDatabase();
  orgId = (await insertOrganization(db.sql, { slug: uniqueSlug("notes"), name: "Notes test", country: "FR", defaultCurrency: "EUR" })).id;
  persistence = createPostgresYjsPersistence(db);
});
afterAll(async () => db?.close());

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Redis pub/sub when REDIS_URL is set (as in CI), else the in-process stand-in. */
const relays = () => {
  const hub = memoryRelayHub();
  return (): YjsRelay => {
    if (!redisUrl) return hub.relayFor();
    const relay = createRedisYjsRelay(redisUrl);
    cleanups.push(() => relay.close());
    return relay;
  };
};

const startNode = async (options: Partial<YjsServerOptions> & { port?: number } = {}) => {
  const { port, ...serverOptions } = options;
  const errors: string[] = [];
  const yjs = createYjsServer({
    persistence,
    logger: { error: (msg, fields) => void errors.push(`${msg} ${JSON.stringify(fields)}`) },
    debounceMs: 50,
    maxDebounceMs: 300,
    retryDelayMs: 10,
    ...serverOptions,
  });
  const http = await startHttpServer(yjs, { orgId, userId: "u1", displayName: "Ann" }, port);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await yjs.close();
    await http.close();
  };
  cleanups.push(stop);
  return { yjs, http, stop, errors, port: Number(new URL(http.url).port) };
};

const until = (check: () => void | Promise<void>, timeout = 15_000) => vi.waitFor(check, { timeout, interval: 25 });
const textOf = (provider: WebsocketProvider) => provider.doc.getText("default").toString();
const storedText = async (name: string) => {
  const loaded = await persistence.load(orgId, name);
  const doc = new Y.Doc();
  const parts = loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates;
  if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
  return doc.getText("default").toString();
};
const storedPlainText = async (name: string) => {
  const rows = await withTenant(db.sql, orgId, (tx) => tx<{ plain_text: string }[]>`select plain_text from documents where name = ${name}`);
  return rows[0]?.plain_text;
};

type Action =
  | { kind: "insert"; client: number; at: number; text: string }
  | { kind: "delete"; client: number; at: number; length: number }
  | { kind: "toggle"; client: number }
  | { kind: "settle" };

const CLIENTS = 4;
const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("insert" as const), client, at: fc.nat(200), text: fc.string({ unit: fc.constantFrom(..."abcxyz é"), minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), client, at: fc.nat(200), length: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("toggle" as const), client }) },
  { weight: 1, arbitrary: fc.constant({ kind: "settle" as const }) },
);

describe(`Notes convergence (relay: ${redisUrl ? "Redis" : "in-process"})`, () => {
  it("converges, and stores what every client sees, under random edits, disconnects and reconnects on two nodes", async () => {
    const relayFor = relays();
    const nodes = [await startNode({ relay: relayFor() }), await startNode({ relay: relayFor() })];
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (actions) => {
        const name = `dispute-${uniqueSlug()}`;
        // Clients alternate between the nodes.
        const providers = Array.from({ length: CLIENTS }, (_, i) => connectClient(nodes[i % 2]!.http.url, name));
        try {
          await Promise.all(providers.map(waitSynced));
          for (const step of actions) {
            if (step.kind === "settle") {
              await new Promise((resolve) => setTimeout(resolve, 20));
              continue;
            }
            const provider = providers[step.client]!;
            const text = provider.doc.getText("default");
            if (step.kind === "insert") text.insert(step.at % (text.length + 1), step.text);
            else if (step.kind === "delete" && text.length > 0) {
              const at = step.at % text.length;
              text.delete(at, Math.min(step.length, text.length - at));
            } else if (step.kind === "toggle") {
              if (provider.shouldConnect) provider.disconnect();
              else provider.connect();
            }
          }
          for (const provider of providers) if (!provider.shouldConnect) provider.connect();
          await until(() => {
            for (const provider of providers) expect(provider.synced).toBe(true);
            const texts = providers.map(textOf);
            for (const text of texts) expect(text).toBe(texts[0]);
          });
          const expected = textOf(providers[0]!);
          for (const provider of providers) provider.destroy();
          await until(() => expect(nodes[0]!.yjs.documentCount() + nodes[1]!.yjs.documentCount()).toBe(0));
          expect(nodes.flatMap((node) => node.errors)).toEqual([]);
          expect(await storedText(name)).toBe(expected);
          // The last store of each node compacts and writes the plain text; both nodes had everything.
          if (expected !== "") expect(await storedPlainText(name)).toBe(expected);
        } finally {
          for (const provider of providers) provider.destroy();
        }
      }),
      { numRuns: 12, endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    expect(nodes.flatMap((node) => node.errors)).toEqual([]);
  }, 120_000);

  it.each([
    ["a clean shutdown", false],
    ["a crash that lost the unsaved updates", true],
  ])("loses no acknowledged edit and duplicates nothing across %s", async (_label, crash) => {
    const name = `dispute-${uniqueSlug()}`;
    let dead = false;
    const failingAfterCrash: YjsPersistence = {
      load: (org, doc) => persistence.load(org, doc),
      store: async (org, doc, args) => {
        if (dead) throw new Error("process died");
        return persistence.store(org, doc, args);
      },
    };
    // Stores only on the way out: everything typed lives in the server's memory until then.
    const node1 = await startNode({ persistence: failingAfterCrash, debounceMs: 60_000, maxDebounceMs: 60_000, retryDelayMs: 1 });
    const writer = connectClient(node1.http.url, name);
    const watcher = connectClient(node1.http.url, name);
    cleanups.push(() => writer.destroy(), () => watcher.destroy());
    await Promise.all([waitSynced(writer), waitSynced(watcher)]);
    const tokens = Array.from({ length: 15 }, (_, i) => `t${i} `);
    const type = (token: string) => writer.doc.getText("default").insert(textOf(writer).length, token);
    for (const token of tokens.slice(0, 10)) {
      type(token);
      // Acknowledged: the server has it, since another client got it from the server.
      await until(() => expect(textOf(watcher)).toContain(token));
    }
    if (crash) dead = true;
    await node1.stop();
    // Typed while the server is down: kept by the client and sent once it is back.
    for (const token of tokens.slice(10)) type(token);

    const node2 = await startNode({ port: node1.port });
    const expected = tokens.join("");
    await until(() => {
      expect(textOf(watcher)).toBe(expected);
      expect(textOf(writer)).toBe(expected);
    });
    writer.destroy();
    watcher.destroy();
    await until(() => expect(node2.yjs.documentCount()).toBe(0));
    expect(await storedText(name)).toBe(expected);
    expect(await storedPlainText(name)).toBe(expected);
    expect(node2.errors).toEqual([]);
  }, 60_000);
});
