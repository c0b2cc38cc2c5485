// Child process of the notes benchmark: one server ("relance" or "bare"), answering the parent over IPC, so that its
// CPU time is measured apart from the editors'.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { insertOrganization } from "@relance/db";
import { openTestDatabase, uniqueSlug } from "@relance/db/testing";
import * as Y from "yjs";
import { applyStored } from "../yjs/document-storage.ts";
import { createPostgresYjsPersistence } from "../yjs/postgres-persistence.ts";
import { createYjsServer } from "../yjs/yjs-server.ts";
import { startBareYjsRelay } from "./bare-yjs-relay.ts";

type Request =
  | { type: "cpu"; afterIdle?: boolean }
  | { type: "load"; updates: number; runs: number; edited: string }
  | { type: "stop" };

const send = (message: unknown) => process.send?.(message);
const mode = process.argv[2];

const main = async () => {
  if (mode === "bare") {
    const server = startBareYjsRelay();
    server.listen(0, "127.0.0.1", () => send({ type: "ready", port: (server.address() as AddressInfo).port }));
    process.on("message", (request: Request) => {
      if (request.type === "cpu") send({ type: "cpu", ...process.cpuUsage() });
      if (request.type === "stop") process.exit(0);
    });
    return;
  }
  const db = await openTestDatabase();
  const org = await insertOrganization(db.sql, { slug: uniqueSlug("bench"), name: "Bench notes", country: "FR", defaultCurrency: "EUR" });
  const persistence = createPostgresYjsPersistence(db);
  const yjs = createYjsServer({ persistence });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    const docName = new URL(req.url ?? "/", "http://localhost").pathname.replace(/^\/yjs\//, "");
    yjs.handleUpgrade(req, socket, head, { orgId: org.id, userId: "bench", displayName: "Bench", readOnly: false, docName });
  });
  server.listen(0, "127.0.0.1", () =>
    send({ type: "ready", port: (server.address() as AddressInfo).port, database: process.env.DATABASE_URL ? "postgres" : "embedded" }),
  );

  /** What opening a document does on the server: read it, apply it to a fresh document; `runs` times. */
  const timeLoads = async (name: string, runs: number) => {
    const times: number[] = [];
    let content = "";
    let stored = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const loaded = await persistence.load(org.id, name);
      const doc = new Y.Doc();
      applyStored(doc, loaded, null);
      times.push(performance.now() - started);
      content = doc.getXmlFragment("default").toString();
      stored = loaded.updates.length;
      doc.destroy();
    }
    return { times, content, looseUpdates: stored };
  };

  /**
   * Two notes of about `updates` updates: the one the editors just wrote, as the server stored it (snapshot and the
   * updates since), and the worst case, the same number of one-character updates stored and never compacted.
   */
  const measureLoad = async (updates: number, runs: number, edited: string) => {
    const asStored = await timeLoads(edited, runs);
    const name = `dispute-load-${uniqueSlug()}`;
    const writer = new Y.Doc();
    const captured: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => captured.push(update));
    const paragraph = new Y.XmlElement("paragraph");
    writer.getXmlFragment("default").insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    for (let i = 0; i < updates; i++) text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    for (let i = 0; i < captured.length; i += 1_000) {
      await persistence.store(org.id, name, { updates: captured.slice(i, i + 1_000), snapshot: new Uint8Array(), plainText: "", compactUpToId: null });
    }
    const uncompacted = await timeLoads(name, runs);
    if (uncompacted.content !== writer.getXmlFragment("default").toString()) throw new Error("loaded note differs");
    return { asStored: { times: asStored.times, looseUpdates: asStored.looseUpdates }, uncompacted: { times: uncompacted.times, looseUpdates: uncompacted.looseUpdates } };
  };

  /** Once every document was stored and unloaded: the persistence work is part of what is measured. */
  const whenIdle = async () => {
    while (yjs.documentCount() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  process.on("message", (request: Request) => {
    if (request.type === "cpu") void (request.afterIdle ? whenIdle() : Promise.resolve()).then(() => send({ type: "cpu", ...process.cpuUsage() }));
    if (request.type === "load") measureLoad(request.updates, request.runs, request.edited).then((result) => send({ type: "load", ...result }));
    if (request.type === "stop") {
      yjs
        .close()
        .then(() => db.close())
        .finally(() => process.exit(0));
    }
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
