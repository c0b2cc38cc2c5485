import { createServer, type Server } from "node:http";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { type WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  conns: Set<WebSocket>;
}

/**
 * The baseline of the notes benchmark: the least a y-websocket server does (a Y.Doc per room for the sync answers,
 * updates and awareness forwarded to the room), with no authentication, persistence, limits or relay.
 */
export const startBareYjsRelay = (): Server => {
  const rooms = new Map<string, Room>();
  const roomOf = (name: string): Room => {
    let room = rooms.get(name);
    if (!room) {
      const doc = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState(null);
      const conns = new Set<WebSocket>();
      room = { doc, awareness, conns };
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        syncProtocol.writeUpdate(encoder, update);
        const message = encoding.toUint8Array(encoder);
        for (const conn of conns) if (conn !== origin) conn.send(message);
      });
      awareness.on("update", ({ added, updated, removed }: Record<string, number[]>) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, added!.concat(updated!, removed!)));
        const message = encoding.toUint8Array(encoder);
        for (const conn of conns) conn.send(message);
      });
      rooms.set(name, room);
    }
    return room;
  };
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    const room = roomOf(new URL(req.url ?? "/", "http://localhost").pathname);
    wss.handleUpgrade(req, socket, head, (ws) => {
      room.conns.add(ws);
      ws.on("close", () => room.conns.delete(ws));
      ws.on("message", (data) => {
        const decoder = decoding.createDecoder(new Uint8Array(data as Buffer));
        const encoder = encoding.createEncoder();
        const type = decoding.readVarUint(decoder);
        if (type === 0) {
          encoding.writeVarUint(encoder, 0);
          syncProtocol.readSyncMessage(decoder, encoder, room.doc, ws);
          if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
        } else if (type === 1) {
          awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), ws);
        }
      });
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, 0);
      syncProtocol.writeSyncStep1(step1, room.doc);
      ws.send(encoding.toUint8Array(step1));
    });
  });
  return server;
};
