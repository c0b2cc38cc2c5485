import type { IncomingMessage } from "node:http";
import { readCookie, SESSION_COOKIE, validateSessionToken, type ServiceDeps, type SessionContext } from "@relance/services";

/** The session an HTTP request or a WebSocket upgrade carries in its cookie, or null. */
export const authenticateRequest = async (deps: ServiceDeps, req: IncomingMessage): Promise<SessionContext | null> => {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  return token ? validateSessionToken(deps, token) : null;
};

export const sessionTokenOf = (req: IncomingMessage): string | null => readCookie(req.headers.cookie, SESSION_COOKIE);
