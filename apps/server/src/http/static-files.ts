import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "content-security-policy":
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
};

/**
 * Serves the built SPA: hashed assets cached for a year, every other GET path answered with index.html so that
 * client-side routes survive a reload.
 */
export const createStaticHandler = (root: string) => {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  const send = async (res: ServerResponse, file: string, cache: string) => {
    const info = await stat(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": cache,
    });
    createReadStream(file).pipe(res);
  };
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end("Bad path");
      return;
    }
    const file = normalize(join(root, decoded));
    if (file.startsWith(rootWithSep) && extname(file)) {
      try {
        const immutable = decoded.startsWith("/assets/");
        await send(res, file, immutable ? "public, max-age=31536000, immutable" : "no-cache");
        return;
      } catch {
        if (decoded.startsWith("/assets/")) {
          res.writeHead(404).end("Not found");
          return;
        }
      }
    }
    try {
      await send(res, join(root, "index.html"), "no-cache");
    } catch {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("The web app is not built: run npm run build.");
    }
  };
};
