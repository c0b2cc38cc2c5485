import type { ClientToServerEvents, ServerToClientEvents } from "@relance/domain";
import { io as connect, type Socket } from "socket.io-client";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Socket.IO client of a test server, signed in with a session token; `opened` collects it for the teardown. */
export const openTestSocket = (origin: string, token: string, opened: TestSocket[] = []): Promise<TestSocket> =>
  new Promise((resolve, reject) => {
    const socket: TestSocket = connect(origin, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin, cookie: `relance_session=${token}` },
    });
    opened.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
  });
