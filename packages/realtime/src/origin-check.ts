import type { IncomingMessage } from "node:http";

/**
 * CSRF and cross-site WebSocket hijacking guard: a state-changing request or an upgrade must come from our own
 * origin — the Host it was sent to, or one of the configured public origins.
 */
export const isAllowedOrigin = (req: IncomingMessage, allowedOrigins: readonly string[]): boolean => {
  const origin = req.headers.origin;
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowedOrigins.includes(parsed.origin)) return true;
  const host = req.headers.host;
  return Boolean(host) && parsed.host === host;
};
