import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { handleMessage, MalformedMessageError, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from "./protocol.ts";

const context = (readOnly = false) => {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  return { doc, awareness, origin: "conn", readOnly };
};

const message = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const clientUpdate = (text: string) => {
  const client = new Y.Doc();
  client.getText("default").insert(0, text);
  return Y.encodeStateAsUpdate(client);
};

describe("handleMessage", () => {
  it("answers sync step 1 with step 2, read-only or not", () => {
    for (const readOnly of [false, true]) {
      const ctx = context(readOnly);
      Y.applyUpdate(ctx.doc, clientUpdate("server text"));
      const reply = handleMessage(ctx, message((e) => (encoding.writeVarUint(e, MESSAGE_SYNC), syncProtocol.writeSyncStep1(e, new Y.Doc()))));
      const decoder = decoding.createDecoder(reply!);
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
      expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
      const client = new Y.Doc();
      Y.applyUpdate(client, decoding.readVarUint8Array(decoder));
      expect(client.getText("default").toString()).toBe("server text");
    }
  });

  it("applies updates with the connection as origin, and drops them from a read-only connection", () => {
    for (const syncType of [syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]) {
      const msg = message((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, syncType);
        encoding.writeVarUint8Array(e, clientUpdate("typed"));
      });
      const writable = context();
      const origins: unknown[] = [];
      writable.doc.on("update", (_u: Uint8Array, origin: unknown) => origins.push(origin));
      expect(handleMessage(writable, msg)).toBeNull();
      expect(writable.doc.getText("default").toString()).toBe("typed");
      expect(origins).toEqual(["conn"]);

      const readOnly = context(true);
      expect(handleMessage(readOnly, msg)).toBeNull();
      expect(readOnly.doc.getText("default").toString()).toBe("");
    }
  });

  it("applies awareness and answers a query with every state", () => {
    const ctx = context(true);
    const peer = new awarenessProtocol.Awareness(new Y.Doc());
    peer.setLocalState({ user: "peer" });
    handleMessage(
      ctx,
      message((e) => {
        encoding.writeVarUint(e, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(peer, [peer.clientID]));
      }),
    );
    expect(ctx.awareness.getStates().get(peer.clientID)).toEqual({ user: "peer" });
    const reply = handleMessage(ctx, message((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS)));
    const decoder = decoding.createDecoder(reply!);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AWARENESS);
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(other, decoding.readVarUint8Array(decoder), null);
    expect(other.getStates().get(peer.clientID)).toEqual({ user: "peer" });
    peer.destroy();
    other.destroy();
    ctx.awareness.destroy();
  });

  it.each([
    ["empty", new Uint8Array([])],
    ["unknown type", new Uint8Array([99])],
    ["auth from a client", new Uint8Array([2, 0])],
    ["unknown sync type", new Uint8Array([0, 7, 0])],
    ["truncated", new Uint8Array([0, 2, 50, 1, 2])],
    ["trailing bytes", new Uint8Array([3, 0])],
    ["garbage update", new Uint8Array([0, 2, 4, 255, 255, 255, 255])],
  ])("rejects a malformed message (%s)", (_name, bytes) => {
    expect(() => handleMessage(context(), bytes)).toThrow(MalformedMessageError);
  });
});
