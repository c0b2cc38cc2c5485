import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";


/** Answers an upgrade with a plain HTTP status and closes the socket: nothing behind it was touched. */
export const rejectUpgrade = (socket: Duplex, status: number, message: string): void => {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};
