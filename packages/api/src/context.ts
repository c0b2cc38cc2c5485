import type { SessionContext, ServiceDeps } from "@relance/services";

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

/** How a procedure sets or clears the session cookie without knowing HTTP. */
export interface SessionCookieWriter {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface ApiContext {
  deps: ServiceDeps;
  meta: RequestMeta;
  session: SessionContext | null;
  cookies: SessionCookieWriter;
}
