import type { IncomingMessage } from "node:http";
import type { RequestMeta } from "@relance/api";

export const clientIp = (req: IncomingMessage, trustProxy: boolean): string => {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
};

export const requestMetaOf = (req: IncomingMessage, trustProxy: boolean, requestId: string): RequestMeta => ({
  requestId,
  ip: clientIp(req, trustProxy),
  userAgent: req.headers["user-agent"] ?? null,
});

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Secure cookies everywhere but plain-HTTP localhost, unless configured explicitly. */
export const isSecureRequest = (req: IncomingMessage, configured: boolean | undefined): boolean => {
  if (configured !== undefined) return configured;
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  return !LOCAL_HOSTS.has(host);
};
