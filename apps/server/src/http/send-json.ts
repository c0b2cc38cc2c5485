import type { ServerResponse } from "node:http";

/** A JSON answer that is never cached: health, file endpoints and their errors. */
export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(body));
};
