import * as decoding from "lib0/decoding";
import type * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";
import {
  encodeAwarenessMessage,
  encodeQueryAwareness,
  encodeSyncStep1,
  handleMessage,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from "./protocol.ts";
import type { YjsLogger, YjsRelay, YjsRelaySubscription } from "./types.ts";

/** Origin of what comes from other nodes: shown to this node's clients and stored, never sent back to the relay. */
export const RELAY_ORIGIN = "relay";

export interface DocumentRelayOptions {
  key: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  relay: YjsRelay;
  logger?: YjsLogger | undefined;
  /** Awareness client ids of this node's own connections (the only states this node answers a query with). */
  localAwarenessIds: () => number[];
}

/**
 * One open document's link to the other nodes holding it. The nodes speak the y-websocket protocol to each other:
 * updates and awareness changes are published as they happen; a node that loads the document (or missed messages)
 * publishes its state vector (sync step 1) and an awareness query, and the others answer with what it lacks. That
 * answer closes the window between a node's read from the database and its subscription: an update another node
 * applied but had not stored yet reaches it that way.
 */
export class DocumentRelay {
  /** Resolves once subscribed; never rejects (a relay failure leaves the document local, and says so). */
  readonly subscribed: Promise<void>;
  private readonly options: DocumentRelayOptions;
  private readonly subscription: YjsRelaySubscription;
  private loaded = false;
  private closed = false;

  constructor(options: DocumentRelayOptions) {
    this.options = options;
    this.subscription = options.relay.subscribe(
      options.key,
      (message) => this.receive(message),
      () => this.requestState(),
    );
    this.subscribed = this.subscription.ready.catch((error: unknown) => {
      options.logger?.error("yjs relay subscription failed", { doc: options.key, error: String(error) });
    });
  }

  /** The database state is in: from now on, answer other nodes, and ask them for what they have that it lacks. */
  markLoaded(): void {
    this.loaded = true;
    this.requestState();
  }

  /** An already encoded sync update (the same bytes this node's clients get). */
  publishUpdate(message: Uint8Array): void {
    this.publish(message);
  }

  publishAwareness(changedClients: number[]): void {
    this.publish(encodeAwarenessMessage(this.options.awareness, changedClients));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.subscription.unsubscribe();
  }

  private requestState(): void {
    if (!this.loaded || this.closed) return;
    this.publish(encodeSyncStep1(this.options.doc));
    this.publish(encodeQueryAwareness());
  }

  private publish(message: Uint8Array): void {
    if (this.closed) return;
    try {
      this.options.relay.publish(this.options.key, message);
    } catch (error) {
      this.options.logger?.error("yjs relay publish failed", { doc: this.options.key, error: String(error) });
    }
  }

  private receive(message: Uint8Array): void {
    if (this.closed) return;
    const { doc, awareness, key, logger } = this.options;
    try {
      const kind = peekKind(message);
      if (kind === "query-awareness") {
        const ids = this.options.localAwarenessIds().filter((id) => awareness.getStates().has(id));
        if (this.loaded && ids.length > 0) this.publish(encodeAwarenessMessage(awareness, ids));
        return;
      }
      // Before its own state is loaded, this node's answer to a state request would be partial; the requester
      // gets this node's content anyway (it is in the database, or published as it arrives).
      if (kind === "sync-step-1" && !this.loaded) return;
      const reply = handleMessage({ doc, awareness, origin: RELAY_ORIGIN, readOnly: false }, message);
      // The answer to a step 1 goes to every node: applying it twice is harmless.
      if (reply && kind === "sync-step-1") this.publish(reply);
    } catch (error) {
      logger?.error("yjs relay message rejected", { doc: key, error: String(error) });
    }
  }
}

const peekKind = (message: Uint8Array): "sync-step-1" | "query-awareness" | "other" => {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_QUERY_AWARENESS) return "query-awareness";
  if (type === MESSAGE_SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) return "sync-step-1";
  return "other";
};
