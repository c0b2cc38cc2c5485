import { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { YJS_READ_ONLY_REASON } from "@relance/domain";
import { DocumentRelay, RELAY_ORIGIN } from "./document-relay.ts";
import { DocumentStorage, type DocumentStorageOptions, LOAD_ORIGIN } from "./document-storage.ts";
import { encodeAwarenessMessage, encodePermissionDenied, encodeSyncStep1, encodeUpdateMessage, handleMessage } from "./protocol.ts";
import type { YjsConnectionAuth, YjsRelay } from "./types.ts";

export interface DocumentConnection {
  readonly ws: WebSocket;
  readonly auth: YjsConnectionAuth;
  /** Awareness client ids this connection set, removed for the others when it goes away. */
  readonly awarenessIds: Set<number>;
  /** Messages received while the document was loading, replayed in order; null once live. */
  queue: Uint8Array[] | null;
  closed: boolean;
}

export interface SharedDocumentOptions extends Omit<DocumentStorageOptions, "doc"> {
  relay?: YjsRelay | undefined;
  /** Largest inbound message; a larger one closes that connection (1009, with the sizes in the reason). */
  maxMessageBytes: number;
  /** Called once, when the document has been stored and dropped (or failed to load). */
  onUnload: (document: SharedDocument) => void;
}

/**
 * A copy, never a view: the bytes may sit in a larger buffer ws or the socket reuses, and Yjs keeps views on parts of
 * an applied update (binary content) for as long as the document lives.
 */
const toBytes = (data: WebSocket.RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data);
};

/** Outbound backlog beyond which a connection is dropped rather than buffered for. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * One open document: the Y.Doc and awareness shared by all its connections, filled from persistence only (never
 * from a client's initial content), stored on a debounce and once more when the last connection leaves.
 */
export class SharedDocument {
  readonly key: string;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Resolves when loading ended, successfully or not; never rejects. */
  readonly ready: Promise<void>;
  private readonly connections = new Set<DocumentConnection>();
  private readonly storage: DocumentStorage;
  private readonly relay: DocumentRelay | null;
  private unloading: Promise<void> | null = null;
  private loadedOk = false;
  private destroyed = false;
  private readonly options: SharedDocumentOptions;

  constructor(options: SharedDocumentOptions) {
    this.options = options;
    this.key = options.key;
    // The server is no participant: its own (empty) awareness state would show up as a phantom peer.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.storage = new DocumentStorage({ ...options, doc: this.doc });
    this.relay = options.relay
      ? new DocumentRelay({
          key: this.key,
          doc: this.doc,
          awareness: this.awareness,
          relay: options.relay,
          logger: options.logger,
          localAwarenessIds: () => [...this.connections].flatMap((conn) => [...conn.awarenessIds]),
        })
      : null;
    this.ready = this.load();
  }

  addConnection(ws: WebSocket, auth: YjsConnectionAuth): void {
    const conn: DocumentConnection = { ws, auth, awarenessIds: new Set(), queue: [], closed: false };
    this.connections.add(conn);
    ws.on("message", (data, isBinary) => this.receive(conn, data, isBinary));
    ws.on("close", () => this.removeConnection(conn));
    if (this.isLive()) this.activate(conn);
  }

  /** Stores what is unsaved now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.ready;
    if (!this.destroyed) await this.storage.flush();
  }

  /** Closes every connection, then stores and unloads. */
  async shutdown(): Promise<void> {
    await this.ready;
    for (const conn of [...this.connections]) {
      this.removeConnection(conn);
      conn.ws.close(1001, "server shutting down");
    }
    await this.unloading;
  }

  /** The sessions its connections were opened with. */
  sessionIds(): string[] {
    return [...this.connections].flatMap((conn) => (conn.auth.sessionId === undefined ? [] : [conn.auth.sessionId]));
  }

  /** Closes the connections whose auth matches (their session ended, their access was revoked); returns how many. */
  closeWhere(match: (auth: YjsConnectionAuth) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const conn of [...this.connections]) {
      if (!match(conn.auth)) continue;
      this.removeConnection(conn);
      conn.ws.close(code, reason);
      closed++;
    }
    return closed;
  }

  private isLive(): boolean {
    return this.loadedOk && !this.destroyed;
  }

  private async load(): Promise<void> {
    try {
      // Subscribed before reading, so that nothing published after the read is missed; what was published before
      // the subscription but not stored yet comes from the other nodes' answer to markLoaded's state request.
      await this.relay?.subscribed;
      await this.storage.load();
      this.loadedOk = true;
      this.relay?.markLoaded();
    } catch (error) {
      this.options.logger?.error("yjs document load failed", { doc: this.key, error: String(error) });
      const conns = [...this.connections];
      this.connections.clear();
      this.destroy();
      for (const conn of conns) {
        conn.closed = true;
        conn.ws.close(1011, "document unavailable");
      }
      return;
    }
    for (const conn of [...this.connections]) this.activate(conn);
  }

  /** Starts the sync once the document is loaded, then replays what the client sent meanwhile. */
  private activate(conn: DocumentConnection): void {
    if (conn.closed || conn.queue === null) return;
    const queued = conn.queue;
    conn.queue = null;
    // Before the first sync, so that the editor never lets a read-only user type something the server would drop.
    if (conn.auth.readOnly) this.send(conn, encodePermissionDenied(YJS_READ_ONLY_REASON));
    this.send(conn, encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size > 0) {
      this.send(conn, encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    }
    for (const message of queued) {
      if (conn.closed) break;
      this.process(conn, message);
    }
  }

  private receive(conn: DocumentConnection, data: WebSocket.RawData, isBinary: boolean): void {
    if (conn.closed) return;
    if (!isBinary) return this.reject(conn);
    const message = toBytes(data);
    if (message.length > this.options.maxMessageBytes) {
      this.options.logger?.warn?.("yjs message too big, closing connection", { doc: this.key, userId: conn.auth.userId, bytes: message.length });
      this.removeConnection(conn);
      conn.ws.close(1009, `message too big: ${message.length} bytes, at most ${this.options.maxMessageBytes}`);
      return;
    }
    if (conn.queue !== null) conn.queue.push(message);
    else this.process(conn, message);
  }

  private process(conn: DocumentConnection, message: Uint8Array): void {
    let reply: Uint8Array | null;
    try {
      reply = handleMessage({ doc: this.doc, awareness: this.awareness, origin: conn, readOnly: conn.auth.readOnly }, message);
    } catch {
      return this.reject(conn);
    }
    if (reply) this.send(conn, reply);
  }

  /** A malformed message ends that connection only. */
  private reject(conn: DocumentConnection): void {
    this.options.logger?.warn?.("yjs malformed message, closing connection", { doc: this.key, userId: conn.auth.userId });
    this.removeConnection(conn);
    conn.ws.close(1003, "malformed message");
  }

  private send(conn: DocumentConnection, message: Uint8Array): void {
    if (conn.closed || conn.ws.readyState !== WebSocket.OPEN) return;
    if (conn.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      // A client that stopped reading would make the server buffer every update for it; it resyncs on reconnect.
      this.removeConnection(conn);
      conn.ws.close(1013, "too far behind");
      return;
    }
    // A failed send surfaces as the socket's close event, which cleans up.
    conn.ws.send(message, () => undefined);
  }

  private removeConnection(conn: DocumentConnection): void {
    conn.closed = true;
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.connections.size === 0) this.unloading ??= this.unloadWhenIdle().finally(() => (this.unloading = null));
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    const message = encodeUpdateMessage(update);
    for (const conn of this.connections) if (conn !== origin && conn.queue === null) this.send(conn, message);
    if (origin !== RELAY_ORIGIN) this.relay?.publishUpdate(message);
    // Every node stores what it has, relayed updates included: storing an update twice is harmless (Yjs applies
    // it once), while a node that died before its debounced store would otherwise lose what it had relayed.
    this.storage.record(update);
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = origin as DocumentConnection;
    if (this.connections.has(conn)) {
      for (const id of added.concat(updated)) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const message = encodeAwarenessMessage(this.awareness, changed);
    for (const target of this.connections) if (target.queue === null) this.send(target, message);
    if (origin !== RELAY_ORIGIN) this.relay?.publishAwareness(changed);
  };

  /**
   * Final store, then unload, unless someone connected meanwhile. If even the retried store failed, the document is
   * unloaded anyway (an open document nobody uses would leak) and the loss is logged loudly.
   */
  private async unloadWhenIdle(): Promise<void> {
    await this.ready;
    const idle = () => this.connections.size === 0 && !this.destroyed;
    if (!idle()) return;
    await this.storage.storeBeforeUnload(idle);
    if (!idle()) return;
    if (this.storage.unsavedCount > 0) {
      this.options.logger?.error("YJS DOCUMENT UNLOADED WITH UNSAVED UPDATES: they are lost", {
        doc: this.key,
        unsavedUpdates: this.storage.unsavedCount,
      });
    }
    this.destroy();
  }

  private destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.storage.cancel();
    this.relay?.close();
    this.doc.off("update", this.onUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    // Also destroys the awareness, whose interval would otherwise keep running.
    this.doc.destroy();
    this.options.onUnload(this);
  }
}
