import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { YjsLogger, YjsRelay } from "./types.ts";

export interface RedisYjsRelay extends YjsRelay {
  /** This node's id, prefixed to every message it publishes so that it can skip its own. */
  readonly nodeId: Buffer;
  close(): Promise<void>;
}

const NODE_ID_BYTES = 16;
const channelOf = (key: string) => `relance:yjs:${key}`;

interface Channel {
  listeners: Set<{ onMessage: (message: Uint8Array) => void; onGap: (() => void) | undefined }>;
  ready: Promise<void>;
}

/**
 * Yjs messages between server nodes over Redis pub/sub: one channel per document, subscribed while the document is
 * open on this node. Pub/sub delivers at most once; a lost connection is reported to the documents as a gap, and
 * they ask the other nodes again (Yjs sync makes that repair exact).
 */
export const createRedisYjsRelay = (redisUrl: string, options: { logger?: YjsLogger } = {}): RedisYjsRelay => {
  const nodeId = randomBytes(NODE_ID_BYTES);
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const sub = pub.duplicate();
  const channels = new Map<string, Channel>();
  const onError = (error: unknown) => options.logger?.warn?.("yjs relay redis error", { error: String(error) });
  pub.on("error", onError);
  sub.on("error", onError);

  sub.on("messageBuffer", (channelName: Buffer, data: Buffer) => {
    const channel = channels.get(channelName.toString());
    if (!channel || data.length < NODE_ID_BYTES || nodeId.equals(data.subarray(0, NODE_ID_BYTES))) return;
    // A copy: Yjs may keep views on the bytes of an applied update.
    const message = new Uint8Array(data.subarray(NODE_ID_BYTES));
    for (const listener of channel.listeners) listener.onMessage(message);
  });

  // A SUBSCRIBE sent before the connection is ready would put it in subscriber mode under ioredis's own ready check
  // (INFO), which then fails and drops the connection: subscriptions wait for the first ready.
  let connectedOnce = false;
  const firstReady = new Promise<void>((resolve) => sub.once("ready", () => resolve()));
  sub.on("ready", () => {
    if (!connectedOnce) {
      connectedOnce = true;
      return;
    }
    // Reconnected: whatever was published meanwhile never reached this node.
    const names = [...channels.keys()];
    if (names.length === 0) return;
    sub.subscribe(...names).then(
      () => {
        for (const name of names) for (const listener of channels.get(name)?.listeners ?? []) listener.onGap?.();
      },
      onError,
    );
  });

  return {
    nodeId,
    publish(key, message) {
      pub.publish(channelOf(key), Buffer.concat([nodeId, message])).catch(onError);
    },
    subscribe(key, onMessage, onGap) {
      const name = channelOf(key);
      let channel = channels.get(name);
      if (!channel) {
        channel = { listeners: new Set(), ready: firstReady.then(() => sub.subscribe(name)).then(() => undefined) };
        channels.set(name, channel);
      }
      const listener = { onMessage, onGap };
      channel.listeners.add(listener);
      const current = channel;
      return {
        ready: current.ready,
        unsubscribe() {
          current.listeners.delete(listener);
          if (current.listeners.size > 0 || channels.get(name) !== current) return;
          channels.delete(name);
          sub.unsubscribe(name).catch(onError);
        },
      };
    },
    async close() {
      channels.clear();
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
};
