import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { HTTP_STATUS_OF, isAppError, YJS_CLOSE_ACCESS_REVOKED, YJS_CLOSE_SESSION_ENDED, YJS_PATH_PREFIX } from "@relance/domain";
import { authorizeDocument, type ServiceDeps } from "@relance/services";
import { authenticateRequest } from "./authenticate-request.ts";
import { isAllowedOrigin } from "./origin-check.ts";
import { rejectUpgrade } from "./reject-upgrade.ts";
import type { Logger } from "./socket-handler.ts";
import type { RelanceServer } from "./socket-server.ts";

export interface YjsUpgradeAuth {
  orgId: string;
  userId: string;
  displayName: string;
  readOnly: boolean;
  docName: string;
  sessionId: string;
  caseId: string;
}

export interface YjsUpgradeTarget {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, auth: YjsUpgradeAuth): void;
  refuseUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void;
}

/**
 * The one `upgrade` listener of the HTTP server: Origin first, then by path — Socket.IO (which authenticates in its
 * handshake), the Yjs endpoint (authenticated and authorized here, before any document is loaded), anything else 400.
 */
export const createUpgradeRouter = (options: {
  deps: ServiceDeps;
  allowedOrigins: readonly string[];
  io: RelanceServer;
  yjs: YjsUpgradeTarget;
  logger: Logger;
}) => {
  const { deps, logger } = options;

  const upgradeYjs = async (req: IncomingMessage, socket: Duplex, head: Buffer, docName: string) => {
    const session = await authenticateRequest(deps, req);
    if (socket.destroyed) return;
    // The editor reconnecting after its session ended (signed out, expired) must learn why, and a browser sees only
    // a failed connection when an upgrade is refused over HTTP: open it and close it at once with the session code.
    // Nothing is loaded: the document is not even looked at.
    if (!session) return options.yjs.refuseUpgrade(req, socket, head, YJS_CLOSE_SESSION_ENDED, "session ended");
    const actor = { userId: session.user.id, orgId: session.org.id, role: session.role };
    const { readOnly, caseId } = await authorizeDocument(deps, actor, docName);
    if (socket.destroyed) return;
    options.yjs.handleUpgrade(req, socket, head, {
      orgId: actor.orgId,
      userId: actor.userId,
      displayName: session.user.displayName,
      readOnly,
      docName,
      sessionId: session.session.id,
      caseId,
    });
  };

  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", () => socket.destroy());
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (!isAllowedOrigin(req, options.allowedOrigins)) return rejectUpgrade(socket, 403, "Origin not allowed.");
    if (path.startsWith("/socket.io/")) {
      options.io.engine.handleUpgrade(req, socket, head);
      return;
    }
    if (path.startsWith(YJS_PATH_PREFIX)) {
      let docName: string;
      try {
        docName = decodeURIComponent(path.slice(YJS_PATH_PREFIX.length));
      } catch {
        return rejectUpgrade(socket, 400, "Malformed document name.");
      }
      upgradeYjs(req, socket, head, docName).catch((error: unknown) => {
        // No right to the document (another tenant's, a case he does not see, no such document): retrying will not
        // change that, so the editor is told with the access code, which stops its reconnecting, rather than by an
        // HTTP refusal it cannot read and would retry forever.
        if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
          if (!socket.destroyed) options.yjs.refuseUpgrade(req, socket, head, YJS_CLOSE_ACCESS_REVOKED, "no access");
          return;
        }
        if (isAppError(error)) return rejectUpgrade(socket, HTTP_STATUS_OF[error.code], error.message);
        const ref = crypto.randomUUID();
        logger.error("yjs upgrade failed", { ref, error: error instanceof Error ? error.stack : String(error) });
        rejectUpgrade(socket, 500, `Something went wrong on our side (request ${ref}).`);
      });
      return;
    }
    rejectUpgrade(socket, 400, "Unknown upgrade path.");
  };
};
