import type { IncomingMessage, ServerResponse } from "node:http";
import { appRouter, type ApiContext } from "@relance/api";
import type { DatabaseMode } from "@relance/db";
import { authenticateRequest, isAllowedOrigin, type Logger } from "@relance/realtime";
import { serializeClearedSessionCookie, serializeSessionCookie, type ServiceDeps } from "@relance/services";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import type { ServerConfig } from "../config.ts";
import { isSecureRequest, requestMetaOf } from "./request-meta.ts";
import { handleImportUpload, handleOpenItemsExport } from "./ledger-files.ts";
import { CHAT_DOWNLOAD_PATH, CHAT_UPLOAD_PATH, handleChatAttachmentDownload, handleChatAttachmentUpload } from "./chat-attachments.ts";
import { handleCollectionDocument } from "./collection-documents.ts";
import { handleInboundEmail, INBOUND_EMAIL_PATH } from "./inbound-email.ts";
import { sendJson } from "./send-json.ts";
import { createStaticHandler } from "./static-files.ts";

export interface ServerState {
  mode: DatabaseMode;
  /** Set once migrations are applied: until then only /healthz answers (503). */
  deps: ServiceDeps | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TRPC_PREFIX = "/trpc/";

export const createRequestHandler = (config: ServerConfig, state: ServerState, logger: Logger) => {
  const serveStatic = createStaticHandler(config.webDist);

  const handleTrpc = async (req: IncomingMessage, res: ServerResponse, path: string, deps: ServiceDeps, requestId: string) => {
    const secure = isSecureRequest(req, config.cookieSecure);
    await nodeHTTPRequestHandler({
      req,
      res,
      path,
      router: appRouter,
      maxBodySize: 1_000_000,
      createContext: async (): Promise<ApiContext> => ({
        deps,
        meta: requestMetaOf(req, config.trustProxy, requestId),
        session: await authenticateRequest(deps, req),
        cookies: {
          set: (token, expiresAt) => res.appendHeader("set-cookie", serializeSessionCookie(token, expiresAt, secure)),
          clear: () => res.appendHeader("set-cookie", serializeClearedSessionCookie(secure)),
        },
      }),
      onError: ({ error, path: procedure }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          const cause = error.cause instanceof Error ? error.cause : error;
          logger.error("procedure failed", { requestId, procedure, error: cause.stack ?? String(cause) });
        }
      },
    });
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    try {
      if (pathname === "/healthz") {
        return sendJson(res, state.deps ? 200 : 503, { status: state.deps ? "ok" : "starting", database: state.mode });
      }
      if (pathname.startsWith(TRPC_PREFIX)) {
        if (!state.deps) return sendJson(res, 503, { error: { message: "Starting up, try again in a moment." } });
        if (!SAFE_METHODS.has(req.method ?? "GET") && !isAllowedOrigin(req, config.allowedOrigins)) {
          return sendJson(res, 403, { error: { message: "Cross-origin request refused.", code: "FORBIDDEN" } });
        }
        return await handleTrpc(req, res, pathname.slice(TRPC_PREFIX.length), state.deps, requestId);
      }
      if (pathname.startsWith("/api/")) {
        if (!state.deps) return sendJson(res, 503, { error: { message: "Starting up, try again in a moment." } });
        // a mail provider's webhook: no browser, no cookie, so no Origin to check; the bearer token is the guard
        if (pathname === INBOUND_EMAIL_PATH) return await handleInboundEmail(state.deps, req, res, config.inboundEmailToken);
        if (!SAFE_METHODS.has(req.method ?? "GET") && !isAllowedOrigin(req, config.allowedOrigins)) {
          return sendJson(res, 403, { error: { message: "Cross-origin request refused.", code: "FORBIDDEN" } });
        }
        const url = new URL(req.url ?? "/", "http://localhost");
        if (pathname === "/api/imports" && req.method === "POST") return await handleImportUpload(state.deps, req, res, url);
        if (pathname === "/api/exports/open-items.csv" && req.method === "GET") return await handleOpenItemsExport(state.deps, req, res, url);
        const upload = req.method === "POST" ? CHAT_UPLOAD_PATH.exec(pathname) : null;
        if (upload) return await handleChatAttachmentUpload(state.deps, req, res, url, upload[1]!, config.chat.attachmentMaxBytes);
        const download = req.method === "GET" ? CHAT_DOWNLOAD_PATH.exec(pathname) : null;
        if (download) return await handleChatAttachmentDownload(state.deps, req, res, download[1]!);
        if (await handleCollectionDocument(state.deps, req, res, pathname)) return;
        return sendJson(res, 404, { error: { message: "Not found." } });
      }
      if (req.method === "GET" || req.method === "HEAD") return await serveStatic(req, res, pathname);
      return sendJson(res, 405, { error: { message: "Method not allowed." } });
    } catch (error) {
      logger.error("request failed", { requestId, error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendJson(res, 500, { error: { message: `Something went wrong on our side (request ${requestId}).` } });
      else res.destroy();
    }
  };
};
