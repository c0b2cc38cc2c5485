import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

// Outer message types of the y-websocket protocol (2 = auth is server-to-client only, never accepted).
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
};

export const encodeUpdateMessage = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
};

export const encodeAwarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
};

export const MESSAGE_AUTH = 2;

/** Permission denied with a reason (y-protocols/auth): tells a read-only connection that its edits are dropped. */
export const encodePermissionDenied = (reason: string): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
};

export const encodeQueryAwareness = (): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
  return encoding.toUint8Array(encoder);
};

export class MalformedMessageError extends Error {}

export interface MessageContext {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Transaction / awareness origin: lets the document tell which connection an update came from. */
  origin: unknown;
  readOnly: boolean;
}

/**
 * Applies one inbound message and returns the reply to send back, if any. Throws MalformedMessageError for anything
 * that is not exactly one well-formed message (unknown type, truncated, trailing bytes, undecodable update).
 * The sync sub-protocol is dispatched here rather than by `readSyncMessage` so that a read-only connection can still
 * ask for the state (step 1) while its own content (step 2, updates) is decoded and dropped.
 */
export const handleMessage = (ctx: MessageContext, message: Uint8Array): Uint8Array | null => {
  try {
    const decoder = decoding.createDecoder(message);
    const reply = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        encoding.writeVarUint(reply, MESSAGE_SYNC);
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          syncProtocol.writeSyncStep2(reply, ctx.doc, decoding.readVarUint8Array(decoder));
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          // Applied directly (not via readSyncStep2, which swallows errors) so that a bad update is detected.
          if (!ctx.readOnly) Y.applyUpdate(ctx.doc, update, ctx.origin);
        } else {
          throw new MalformedMessageError(`unknown sync message type ${syncType}`);
        }
        break;
      }
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(ctx.awareness, decoding.readVarUint8Array(decoder), ctx.origin);
        break;
      case MESSAGE_QUERY_AWARENESS:
        encoding.writeVarUint(reply, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          reply,
          awarenessProtocol.encodeAwarenessUpdate(ctx.awareness, Array.from(ctx.awareness.getStates().keys())),
        );
        break;
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes");
    return encoding.length(reply) > 1 ? encoding.toUint8Array(reply) : null;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

