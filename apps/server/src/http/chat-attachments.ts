import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, HTTP_STATUS_OF, isAppError } from "@relance/domain";
import { authenticateRequest } from "@relance/realtime";
import { readChatAttachment, uploadChatAttachment, type Actor, type ServiceDeps } from "@relance/services";
import { BodyTooLarge, readLimitedBody } from "./read-limited-body.ts";
import { sendJson } from "./send-json.ts";

/** `POST /api/cases/<caseId>/attachments?fileName=…` and `GET /api/chat-attachments/<id>`. */
export const CHAT_UPLOAD_PATH = /^\/api\/cases\/([^/]+)\/attachments$/;
export const CHAT_DOWNLOAD_PATH = /^\/api\/chat-attachments\/([^/]+)$/;

const fail = (res: ServerResponse, status: number, error: AppError): void =>
  sendJson(res, status, { error: { code: error.code, key: error.details.key ?? null, message: error.message, fields: error.details.fields ?? [] } });

const actorOf = async (deps: ServiceDeps, req: IncomingMessage): Promise<Actor> => {
  const session = await authenticateRequest(deps, req);
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue.", { key: "errors.unauthorized" });
  return { userId: session.user.id, orgId: session.org.id, role: session.role };
};

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Streams one file into the case's chat storage; the answer is the attachment to send with the next message. */
export const handleChatAttachmentUpload = async (
  deps: ServiceDeps, req: IncomingMessage, res: ServerResponse, url: URL, caseId: string, maxBytes: number,
): Promise<void> => {
  try {
    const actor = await actorOf(deps, req);
    const content = await readLimitedBody(req, maxBytes);
    const attachment = await uploadChatAttachment(deps, actor, { caseId, fileName: url.searchParams.get("fileName"), content });
    sendJson(res, 201, attachment);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // stop reading what is left of a file we refuse: the connection closes after the answer
      res.setHeader("connection", "close");
      fail(res, 413, new AppError("BAD_REQUEST", `file: larger than ${megabytes(maxBytes)}, the largest file accepted`, {
        key: "chat.fileTooLarge", fields: [{ path: "file", message: `at most ${maxBytes} bytes` }],
      }));
      req.once("end", () => undefined);
      res.once("finish", () => req.destroy());
      return;
    }
    req.resume();
    if (isAppError(error)) return fail(res, HTTP_STATUS_OF[error.code], error);
    throw error;
  }
};

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** A file, to those who may see its case; always as a download, never rendered by the browser in our origin. */
export const handleChatAttachmentDownload = async (deps: ServiceDeps, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
  try {
    const actor = await actorOf(deps, req);
    const file = await readChatAttachment(deps, actor, id);
    res.writeHead(200, {
      "content-type": file.contentType,
      "content-length": file.content.length,
      "content-disposition": contentDisposition(file.fileName),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    });
    res.end(req.method === "HEAD" ? undefined : file.content);
  } catch (error) {
    if (isAppError(error)) return fail(res, HTTP_STATUS_OF[error.code], error);
    throw error;
  }
};
