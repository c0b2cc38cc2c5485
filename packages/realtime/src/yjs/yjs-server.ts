import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { SharedDocument } from "./shared-document.ts";
import type { YjsConnectionAuth, YjsServerOptions } from "./types.ts";

export interface YjsServer {
  /** Completes a WebSocket upgrade the caller has already authenticated and authorized for `auth.docName`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, auth: YjsConnectionAuth): void;
  /** Stores every open document's unsaved updates now; failures are logged, not thrown. */
  flushAll(): Promise<void>;
  /** Shutdown: refuses new connections, closes the open ones (1001), stores and unloads every document. */
  close(): Promise<void>;
  /**
   * Closes this node's connections whose auth matches, with a close code the editor acts on (it stops reconnecting);
   * returns how many. Used when a session ends or a person loses access to a case.
   */
  closeConnections(match: (auth: YjsConnectionAuth) => boolean, code: number, reason: string): number;
  /** Completes the upgrade only to close it at once with `code`: a browser cannot read an HTTP refusal's status. */
  refuseUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void;
  /** The sessions this node's connections were opened with (to check that they still stand). */
  sessionIds(): string[];
  /** Documents currently in memory. */
  documentCount(): number;
}

/** Tenant-scoped: the same document name in two organizations is two documents. */
export const documentKey = (orgId: string, docName: string): string => `${orgId}/${docName}`;

/**
 * The y-websocket protocol endpoint (what `WebsocketProvider` speaks), with documents kept in memory while someone
 * has them open and persisted through `options.persistence`.
 */
export const createYjsServer = (options: YjsServerOptions): YjsServer => {
  const maxMessageBytes = options.maxMessageBytes ?? 1_000_000;
  // The limit is checked per message so that the close says why; ws's own cap only bounds what is buffered, and a
  // message past it is closed by ws (1009, without a reason).
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes * 4 });
  const documents = new Map<string, SharedDocument>();
  /** Whether each socket answered the last ping. */
  const alive = new Map<WebSocket, boolean>();
  let closing = false;

  const documentFor = (auth: YjsConnectionAuth): SharedDocument => {
    const key = documentKey(auth.orgId, auth.docName);
    let document = documents.get(key);
    if (!document) {
      document = new SharedDocument({
        key,
        orgId: auth.orgId,
        docName: auth.docName,
        persistence: options.persistence,
        relay: options.relay,
        logger: options.logger,
        debounceMs: options.debounceMs ?? 2_000,
        maxDebounceMs: options.maxDebounceMs ?? 10_000,
        compactAfterUpdates: options.compactAfterUpdates ?? 100,
        retryDelayMs: options.retryDelayMs ?? 1_000,
        maxMessageBytes,
        // Identity check: a newer instance under the same key may already have replaced this one.
        onUnload: (unloaded) => {
          if (documents.get(key) === unloaded) documents.delete(key);
        },
      });
      documents.set(key, document);
    }
    return document;
  };

  const onConnection = (ws: WebSocket, auth: YjsConnectionAuth) => {
    if (closing) {
      ws.close(1001, "server shutting down");
      return;
    }
    alive.set(ws, true);
    ws.on("pong", () => alive.set(ws, true));
    ws.on("close", () => alive.delete(ws));
    // ws reports protocol violations (e.g. 1009 on an oversized message) here, then closes the socket.
    ws.on("error", (error) => options.logger?.warn?.("yjs socket error", { userId: auth.userId, error: String(error) }));
    documentFor(auth).addConnection(ws, auth);
  };

  const keepAlive = setInterval(() => {
    for (const [ws, isAlive] of alive) {
      if (!isAlive) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, options.pingIntervalMs ?? 30_000);
  keepAlive.unref();

  return {
    handleUpgrade(req, socket, head, auth) {
      if (closing) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, auth));
    },
    async flushAll() {
      await Promise.all([...documents.values()].map((document) => document.flush()));
    },
    async close() {
      closing = true;
      clearInterval(keepAlive);
      await Promise.all([...documents.values()].map((document) => document.shutdown()));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    closeConnections(match, code, reason) {
      let closed = 0;
      for (const document of documents.values()) closed += document.closeWhere(match, code, reason);
      return closed;
    },
    refuseUpgrade(req, socket, head, code, reason) {
      if (closing) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
    },
    sessionIds: () => [...documents.values()].flatMap((document) => document.sessionIds()),
    documentCount: () => documents.size,
  };
};
