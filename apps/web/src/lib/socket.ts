import type { ClientToServerEvents, ServerToClientEvents } from "@relance/domain";
import { type Socket, io } from "socket.io-client";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;

/**
 * The one Socket.IO connection of the app, opened on first use. It authenticates with the session cookie at the
 * handshake, so it must be replaced (`resetSocket`) whenever the signed-in user changes.
 */
export const getSocket = (): AppSocket => {
  socket ??= io({ path: "/socket.io", withCredentials: true, transports: ["websocket"] });
  return socket;
};

export const resetSocket = (): void => {
  socket?.disconnect();
  socket = null;
};
