import * as Y from "yjs";
import { documentPlainText } from "./plain-text.ts";
import { createStoreScheduler, type StoreScheduler } from "./store-scheduler.ts";
import type { YjsLogger, YjsPersistence } from "./types.ts";

/** Origin of the state read from persistence: already stored, nobody to tell. */
export const LOAD_ORIGIN = Symbol("yjs-load");

export interface DocumentStorageOptions {
  key: string;
  orgId: string;
  docName: string;
  doc: Y.Doc;
  persistence: YjsPersistence;
  logger?: YjsLogger | undefined;
  debounceMs: number;
  maxDebounceMs: number;
  compactAfterUpdates: number;
  retryDelayMs: number;
}

/**
 * Applies a stored document (snapshot, then the updates since) in one transaction. Not `Y.mergeUpdates`: merging
 * thousands of small updates takes seconds, where applying them one after the other takes a few milliseconds per
 * thousand, and one transaction emits one update event.
 */
export const applyStored = (doc: Y.Doc, stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }, origin: unknown): void => {
  Y.transact(
    doc,
    () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    },
    origin,
  );
};

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The persistence side of one open document: what was received since the last store, the debounced and serialized
 * stores, and when to compact.
 */
export class DocumentStorage {
  private readonly options: DocumentStorageOptions;
  private readonly scheduler: StoreScheduler;
  private pending: Uint8Array[] = [];
  private lastLoadedUpdateId = 0;
  /** Updates stored since the last snapshot, as far as this node knows. */
  private storedSinceCompaction = 0;
  private compactRequested = false;
  /** A store is running: its updates are out of `pending` but not stored yet. */
  private storing = false;

  constructor(options: DocumentStorageOptions) {
    this.options = options;
    this.scheduler = createStoreScheduler({
      debounceMs: options.debounceMs,
      maxDebounceMs: options.maxDebounceMs,
      retryMs: options.maxDebounceMs,
      run: () => this.store(),
      onError: (error) => options.logger?.error("yjs store failed", { doc: options.key, error: String(error) }),
    });
  }

  get unsavedCount(): number {
    return this.pending.length;
  }

  /** Fills the document from persistence only: the server never creates content of its own. */
  async load(): Promise<void> {
    const stored = await this.options.persistence.load(this.options.orgId, this.options.docName);
    applyStored(this.options.doc, stored, LOAD_ORIGIN);
    this.lastLoadedUpdateId = stored.lastUpdateId;
    this.storedSinceCompaction = stored.updates.length;
  }

  /** An update this node is responsible for storing (from one of its clients, not from the relay). */
  record(update: Uint8Array): void {
    this.pending.push(update);
    this.scheduler.notify();
  }

  /** Stores now; failures are logged and kept for the next attempt. */
  flush(): Promise<boolean> {
    return this.scheduler.flush();
  }

  /**
   * The store before unloading, compacting so that each editing session leaves a snapshot and a fresh plain text
   * behind. Loops while `stillIdle()`, as updates may arrive (and their clients leave) during a store; a failure is
   * retried once. Resolves when done, or as soon as the document is in use again.
   */
  async storeBeforeUnload(stillIdle: () => boolean): Promise<void> {
    this.compactRequested = true;
    let failures = 0;
    while (stillIdle() && this.needsStore()) {
      if (await this.scheduler.flush(true)) continue;
      if (++failures > 1 || this.pending.length === 0) break;
      await delay(this.options.retryDelayMs);
    }
  }

  cancel(): void {
    this.scheduler.cancel();
  }

  private needsStore(): boolean {
    // A store in flight counts: its updates left `pending` and are not yet counted as stored, so without it an
    // unload racing a debounced store would skip the final compaction (and the plain text).
    return this.pending.length > 0 || this.storing || (this.compactRequested && this.storedSinceCompaction > 0);
  }

  /** One store (serialized by the scheduler): the updates since the last one, compacting past the threshold. */
  private async store(): Promise<void> {
    const { doc, persistence, orgId, docName, compactAfterUpdates } = this.options;
    const total = this.storedSinceCompaction + this.pending.length;
    const compact = total > compactAfterUpdates || (this.compactRequested && total > 0);
    if (this.pending.length === 0 && !compact) return;
    const updates = this.pending;
    this.pending = [];
    this.storing = true;
    try {
      await persistence.store(orgId, docName, {
        updates,
        // Only a compaction writes them; encoding a large document on every store would be wasted work.
        snapshot: compact ? Y.encodeStateAsUpdate(doc) : new Uint8Array(0),
        plainText: compact ? documentPlainText(doc) : "",
        compactUpToId: compact ? this.lastLoadedUpdateId : null,
      });
    } catch (error) {
      // Kept, ahead of anything newer, for the next attempt.
      this.pending = updates.concat(this.pending);
      throw error;
    } finally {
      this.storing = false;
    }
    this.storedSinceCompaction = compact ? 0 : this.storedSinceCompaction + updates.length;
    if (compact) this.compactRequested = false;
  }
}
