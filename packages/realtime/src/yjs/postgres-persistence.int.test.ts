import { type Database, insertOrganization, loadDocument, withTenant } from "@relance/db";
import { openTestDatabase, uniqueSlug } from "@relance/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { documentPlainText } from "./plain-text.ts";
import { createPostgresYjsPersistence } from "./postgres-persistence.ts";
import { connectClient, startHttpServer, waitSynced } from "./test-support.ts";
import type { YjsPersistence, YjsServerOptions } from "./types.ts";
import { createYjsServer } from "./yjs-server.ts";

let db: Database;
let orgId: string;
let otherOrgId: string;
let persistence: YjsPersistence;

beforeAll(async () => {
  db = await openTestDatabase();
  const org = (name: string) => insertOrganization(db.sql, { slug: uniqueSlug("yjs"), name, country: "FR", defaultCurrency: "EUR" });
  orgId = (await org("Yjs test")).id;
  otherOrgId = (await org("Yjs other")).id;
  persistence = createPostgresYjsPersistence(db);
});
afterAll(async () => db?.close());

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One server "process" on the shared database. */
const startNode = async (options: Partial<YjsServerOptions> = {}) => {
  const errors: string[] = [];
  const yjs = createYjsServer({
    persistence,
    logger: { error: (msg, fields) => void errors.push(`${msg} ${JSON.stringify(fields)}`) },
    debounceMs: 30,
    maxDebounceMs: 200,
    ...options,
  });
  const http = await startHttpServer(yjs, { orgId, userId: "u1", displayName: "Ann" });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await yjs.close();
    await http.close();
  };
  cleanups.push(stop);
  const connect = (docName: string, doc?: Y.Doc) => {
    const provider = connectClient(http.url, docName, doc ? { doc } : {});
    cleanups.push(() => provider.destroy());
    return provider;
  };
  return { yjs, connect, stop, errors };
};

const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
const textOf = (provider: WebsocketProvider) => documentPlainText(provider.doc);
const appendParagraph = (doc: Y.Doc, text: string) => {
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
};
const stored = (org: string, name: string) => withTenant(db.sql, org, (tx) => loadDocument(tx, name));
const storedRow = async (org: string, name: string) => {
  const rows = await withTenant(db.sql, org, (tx) => tx<{ plain_text: string; updates: number }[]>`
    select plain_text, (select count(*)::int from document_updates u where u.name = d.name) as updates
    from documents d where name = ${name}`);
  return rows[0];
};

describe("Yjs documents in the database", () => {
  it("survives a restart: same text, never duplicated, even for a client that kept its own copy", async () => {
    const name = `dispute-${uniqueSlug()}`;
    const expected = "Customer disputes invoice 42.\nWaiting for proof.";
    const node1 = await startNode();
    const keptDoc = new Y.Doc();
    const a = node1.connect(name, keptDoc);
    const b = node1.connect(name);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    appendParagraph(keptDoc, "Customer disputes invoice 42.");
    appendParagraph(keptDoc, "Waiting for proof.");
    await until(() => expect(textOf(b)).toBe(expected));
    a.destroy();
    b.destroy();
    await until(() => expect(node1.yjs.documentCount()).toBe(0));
    // The last disconnect stored and compacted: a snapshot, no loose updates, the plain text for search.
    expect(await storedRow(orgId, name)).toEqual({ plain_text: expected, updates: 0 });
    expect((await stored(orgId, name)).snapshot).not.toBeNull();
    await node1.stop();

    const node2 = await startNode();
    const fresh = node2.connect(name);
    await waitSynced(fresh);
    expect(textOf(fresh)).toBe(expected);
    // The returning client still holds the same content locally: syncing must not add it a second time.
    const returning = node2.connect(name, keptDoc);
    await waitSynced(returning);
    appendParagraph(keptDoc, "Proof received.");
    const expectedAfter = `${expected}\nProof received.`;
    await until(() => expect(textOf(fresh)).toBe(expectedAfter));
    expect(textOf(returning)).toBe(expectedAfter);
    fresh.destroy();
    returning.destroy();
    await until(() => expect(node2.yjs.documentCount()).toBe(0));
    await node2.stop();

    const node3 = await startNode();
    const later = node3.connect(name);
    await waitSynced(later);
    expect(textOf(later)).toBe(expectedAfter);
    expect((await storedRow(orgId, name))?.plain_text).toBe(expectedAfter);
    expect([...node1.errors, ...node2.errors, ...node3.errors]).toEqual([]);
  });

  it("compacts past the threshold while the document is open, keeping the content intact", async () => {
    const name = `compact-${uniqueSlug()}`;
    const node = await startNode({ compactAfterUpdates: 5, debounceMs: 60_000, maxDebounceMs: 60_000 });
    const writer = node.connect(name);
    // Once the probe has an edit, the server has it too.
    const probe = node.connect(name);
    await Promise.all([waitSynced(writer), waitSynced(probe)]);
    const text = writer.doc.getText("default");
    for (let i = 0; i < 23; i++) {
      text.insert(text.length, String.fromCharCode(97 + (i % 26)));
      if (i % 7 === 3) text.delete(0, 1);
      await until(() => expect(probe.doc.getText("default").toString()).toBe(text.toString()));
      await node.yjs.flushAll();
    }
    const expected = text.toString();
    const row = await storedRow(orgId, name);
    expect(row?.updates).toBeLessThanOrEqual(5);
    expect((await stored(orgId, name)).snapshot).not.toBeNull();
    writer.destroy();
    probe.destroy();
    await until(() => expect(node.yjs.documentCount()).toBe(0));
    await node.stop();

    const again = await startNode();
    const reader = again.connect(name);
    await waitSynced(reader);
    expect(reader.doc.getText("default").toString()).toBe(expected);
    expect((await storedRow(orgId, name))?.plain_text).toBe(expected);
  });

  it("folds in what another node appended rather than deleting it on compaction", async () => {
    const name = `two-nodes-${uniqueSlug()}`;
    const docOf = (text: string) => {
      const doc = new Y.Doc();
      doc.getText("default").insert(0, text);
      return doc;
    };
    const node1 = docOf("one ");
    const node2 = docOf("two ");
    const store = (doc: Y.Doc, compactUpToId: number | null) =>
      persistence.store(orgId, name, {
        updates: [Y.encodeStateAsUpdate(doc)],
        snapshot: Y.encodeStateAsUpdate(doc),
        plainText: documentPlainText(doc),
        compactUpToId,
      });
    await store(node1, null);
    await store(node2, null);
    // node1 never saw node2's update: its snapshot alone would lose it.
    await persistence.store(orgId, name, {
      updates: [],
      snapshot: Y.encodeStateAsUpdate(node1),
      plainText: documentPlainText(node1),
      compactUpToId: 0,
    });
    const loaded = await persistence.load(orgId, name);
    expect(loaded.updates).toEqual([]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.snapshot!);
    expect(doc.getText("default").toString()).toContain("one ");
    expect(doc.getText("default").toString()).toContain("two ");
    expect((await storedRow(orgId, name))?.plain_text).toBe(doc.getText("default").toString());
  });

  it("serializes concurrent stores of one document without losing any", async () => {
    const name = `concurrent-${uniqueSlug()}`;
    const writers = Array.from({ length: 8 }, (_, i) => {
      const doc = new Y.Doc();
      doc.getText("default").insert(0, `w${i};`);
      return doc;
    });
    await Promise.all(
      writers.map((doc, i) =>
        persistence.store(orgId, name, {
          updates: [Y.encodeStateAsUpdate(doc)],
          snapshot: Y.encodeStateAsUpdate(doc),
          plainText: "",
          compactUpToId: i % 3 === 0 ? 0 : null,
        }),
      ),
    );
    const loaded = await persistence.load(orgId, name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates));
    for (let i = 0; i < writers.length; i++) expect(doc.getText("default").toString()).toContain(`w${i};`);
  });

  it("scopes documents to their organization", async () => {
    const name = `tenant-${uniqueSlug()}`;
    const doc = new Y.Doc();
    doc.getText("default").insert(0, "org one only");
    await persistence.store(orgId, name, {
      updates: [Y.encodeStateAsUpdate(doc)],
      snapshot: Y.encodeStateAsUpdate(doc),
      plainText: "org one only",
      compactUpToId: null,
    });
    expect((await persistence.load(orgId, name)).updates).toHaveLength(1);
    expect(await persistence.load(otherOrgId, name)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
    // The same name in the other organization is another document.
    await persistence.store(otherOrgId, name, { updates: [], snapshot: new Uint8Array([0, 0]), plainText: "", compactUpToId: 0 });
    expect((await persistence.load(orgId, name)).updates).toHaveLength(1);
  });
});
