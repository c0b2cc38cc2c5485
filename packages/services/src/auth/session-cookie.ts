/** The session cookie, shared by the HTTP API and the WebSocket upgrades that authenticate with it. */
export const SESSION_COOKIE = "relance_session";

export const readCookie = (header: string | undefined | null, name: string): string | null => {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
};

/** HttpOnly, SameSite=Lax, Path=/, and Secure unless the app is served from localhost over plain HTTP. */
export const serializeSessionCookie = (token: string, expiresAt: Date, secure: boolean): string =>
  [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");

export const serializeClearedSessionCookie = (secure: boolean): string =>
  [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
