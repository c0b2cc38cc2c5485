/** What the caller established before the upgrade: the Yjs endpoint trusts it and checks nothing itself. */
export interface YjsConnectionAuth {
  orgId: string;
  userId: string;
  displayName: string;
  readOnly: boolean;
  docName: string;
  /** The session the upgrade carried, so that ending it closes the connection (absent for trusted callers: benches). */
  sessionId?: string;
  /** The case the document belongs to, so that losing access to the case closes the connection. */
  caseId?: string;
}

export interface YjsStoredDocument {
  snapshot: Uint8Array | null;
  /** Updates stored after the snapshot, in arrival order. */
  updates: Uint8Array[];
  /** Id of the newest stored update (0 when none). */
  lastUpdateId: number;
}

export interface YjsStoreArgs {
  /** Updates received since the last successful store, in arrival order; may be empty when only compacting. */
  updates: Uint8Array[];
  /** The whole in-memory state (`Y.encodeStateAsUpdate`) when compacting; empty otherwise. */
  snapshot: Uint8Array;
  /** Text of the in-memory document, for search and export, when compacting; empty otherwise. */
  plainText: string;
  /**
   * `null`: append only. A number: also compact, i.e. replace the stored updates by one snapshot. The value is the
   * newest stored update id the caller knows `snapshot` to contain — a lower bound: an implementation must fold in,
   * never drop, anything newer it finds (another node may have appended meanwhile).
   */
  compactUpToId: number | null;
}

export interface YjsPersistence {
  load(orgId: string, docName: string): Promise<YjsStoredDocument>;
  store(orgId: string, docName: string, args: YjsStoreArgs): Promise<void>;
}

/** What a relay subscription gives back. */
export interface YjsRelaySubscription {
  /** Resolves once messages published from now on will be delivered (Redis confirmed the SUBSCRIBE). */
  ready: Promise<void>;
  unsubscribe(): void;
}

/**
 * Cross-node fan-out (e.g. Redis pub/sub) of y-websocket protocol messages (sync step 1 / step 2 / update,
 * awareness, awareness query), keyed by the tenant-scoped document key. A node never receives its own messages.
 */
export interface YjsRelay {
  publish(key: string, message: Uint8Array): void;
  /**
   * `onGap` is called when messages may have been missed (the subscriber connection was lost and came back): the
   * document then asks the other nodes again for what it lacks.
   */
  subscribe(key: string, onMessage: (message: Uint8Array) => void, onGap?: () => void): YjsRelaySubscription;
}

/** Structurally a subset of the realtime package's Logger, so that one can be passed as is. */
export interface YjsLogger {
  error(msg: string, fields?: Record<string, unknown>): void;
  warn?(msg: string, fields?: Record<string, unknown>): void;
}

export interface YjsServerOptions {
  persistence: YjsPersistence;
  relay?: YjsRelay;
  logger?: YjsLogger;
  /**
   * Largest inbound message; a larger one closes that connection with 1009 and a reason giving the sizes (past four
   * times this, the WebSocket layer closes it with 1009 before it is buffered whole). Default 1 MB.
   */
  maxMessageBytes?: number;
  /** Quiet period before a store. Default 2 s. */
  debounceMs?: number;
  /** Longest an update stays unsaved while edits keep coming. Default 10 s. */
  maxDebounceMs?: number;
  /** Stored updates after which a store also compacts. Default 100. */
  compactAfterUpdates?: number;
  /** Delay before the one retry of a failed final store. Default 1 s. */
  retryDelayMs?: number;
  /** Keep-alive period: a connection that did not answer the previous ping is dropped. Default 30 s. */
  pingIntervalMs?: number;
}
