// Helpers shared by the Yjs tests (not exported from the package).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { YjsServer } from "./yjs-server.ts";
import type { YjsConnectionAuth, YjsPersistence, YjsRelay, YjsStoreArgs } from "./types.ts";

export interface TestHttpServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A plain HTTP server routing `/yjs/<name>` upgrades to the Yjs server, with the auth the test decides per request
 * (the real router authenticates; here `?org=` and `?ro=1` stand in for it).
 */
export const startHttpServer = async (
  yjs: YjsServer,
  baseAuth: Omit<YjsConnectionAuth, "docName" | "readOnly">,
  port = 0,
): Promise<TestHttpServer> => {
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith("/yjs/")) return socket.destroy();
    yjs.handleUpgrade(req, socket, head, {
      ...baseAuth,
      orgId: url.searchParams.get("org") ?? baseAuth.orgId,
      readOnly: url.searchParams.get("ro") === "1",
      docName: decodeURIComponent(url.pathname.slice("/yjs/".length)),
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${bound}/yjs`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** A WebSocket class sending these headers (a browser sends the session cookie and Origin by itself). */
const webSocketWithHeaders = (headers: Record<string, string>) =>
  class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };

export const connectClient = (
  url: string,
  docName: string,
  options: { doc?: Y.Doc; params?: Record<string, string>; headers?: Record<string, string> } = {},
): WebsocketProvider =>
  new WebsocketProvider(url, docName, options.doc ?? new Y.Doc(), {
    // Node has no global WebSocket before v22.
    WebSocketPolyfill: (options.headers ? webSocketWithHeaders(options.headers) : WebSocket) as never,
    // Two providers in one process would otherwise sync through BroadcastChannel, bypassing the server.
    disableBc: true,
    params: options.params ?? {},
  });

export const waitSynced = (provider: WebsocketProvider): Promise<void> =>
  provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once("sync", (synced: boolean) => synced && resolve()));

interface MemoryDocument {
  snapshot: Uint8Array | null;
  updates: { id: number; update: Uint8Array }[];
}

/** In-memory persistence keyed like the server (org/doc), recording every store, with failures on demand. */
export const memoryPersistence = () => {
  const documents = new Map<string, MemoryDocument>();
  let nextId = 1;
  const stores: (YjsStoreArgs & { key: string })[] = [];
  const control = { failStores: 0, loadGate: null as Promise<void> | null };
  const documentOf = (orgId: string, docName: string): MemoryDocument => {
    const key = `${orgId}/${docName}`;
    let document = documents.get(key);
    if (!document) documents.set(key, (document = { snapshot: null, updates: [] }));
    return document;
  };
  const persistence: YjsPersistence = {
    async load(orgId, docName) {
      if (control.loadGate) await control.loadGate;
      const document = documentOf(orgId, docName);
      return {
        snapshot: document.snapshot,
        updates: document.updates.map((u) => u.update),
        lastUpdateId: document.updates.at(-1)?.id ?? 0,
      };
    },
    async store(orgId, docName, args) {
      stores.push({ ...args, key: `${orgId}/${docName}` });
      if (control.failStores > 0) {
        control.failStores--;
        throw new Error("store failed (test)");
      }
      const document = documentOf(orgId, docName);
      for (const update of args.updates) document.updates.push({ id: nextId++, update });
      if (args.compactUpToId !== null) {
        document.snapshot = args.snapshot;
        document.updates = [];
      }
    },
  };
  /** The stored state of one document, as a Y.Doc. */
  const storedDoc = (orgId: string, docName: string): Y.Doc => {
    const document = documentOf(orgId, docName);
    const doc = new Y.Doc();
    if (document.snapshot) Y.applyUpdate(doc, document.snapshot);
    for (const { update } of document.updates) Y.applyUpdate(doc, update);
    return doc;
  };
  return { persistence, stores, control, storedDoc };
};

/** Appends a paragraph the way the notes editor does (a Tiptap document is an XmlFragment named "default"). */
export const appendParagraph = (doc: Y.Doc, text: string): void => {
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
};

/** Raw WebSocket to a document, for what a well-behaved provider never sends. */
export const connectRaw = (url: string, docName: string, options: { autoPong?: boolean; headers?: Record<string, string> } = {}) => {
  const ws = new WebSocket(`${url}/${docName}`, options);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("error", () => undefined);
  return { ws, opened, closed };
};

export const silentLogger = () => {
  const errors: { msg: string; fields: Record<string, unknown> | undefined }[] = [];
  return { errors, logger: { error: (msg: string, fields?: Record<string, unknown>) => void errors.push({ msg, fields }), warn: () => undefined } };
};

/**
 * In-process stand-in for Redis pub/sub between test nodes: asynchronous delivery, never to the publishing node,
 * and only to subscriptions that exist when the message is published.
 */
export const memoryRelayHub = () => {
  const subscribers = new Map<string, Set<{ node: object; onMessage: (message: Uint8Array) => void }>>();
  const published: { key: string; message: Uint8Array }[] = [];
  const relayFor = (): YjsRelay => {
    const node = {};
    return {
      publish: (key, message) => {
        published.push({ key, message });
        for (const s of subscribers.get(key) ?? []) if (s.node !== node) queueMicrotask(() => s.onMessage(message));
      },
      subscribe: (key, onMessage) => {
        const entry = { node, onMessage };
        const set = subscribers.get(key) ?? new Set();
        subscribers.set(key, set.add(entry));
        return { ready: Promise.resolve(), unsubscribe: () => void set.delete(entry) };
      },
    };
  };
  return { relayFor, subscribers, published };
};
