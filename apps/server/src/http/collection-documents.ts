import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, HTTP_STATUS_OF, isAppError } from "@relance/domain";
import { authenticateRequest } from "@relance/realtime";
import { getGeneratedDocument, previewActionLetter, type Actor, type ServiceDeps } from "@relance/services";
import { sendJson } from "./send-json.ts";

const UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
const PREVIEW_PATH = new RegExp(`^/api/actions/${UUID}/letter\\.pdf$`);
const DOCUMENT_PATH = new RegExp(`^/api/documents/${UUID}\\.pdf$`);

const sendPdf = (res: ServerResponse, fileName: string, pdf: Buffer): void => {
  res.writeHead(200, {
    "content-type": "application/pdf",
    // inline: the browser opens it in its PDF viewer; the name is used when the reader saves it
    "content-disposition": `inline; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "content-length": pdf.length,
    "cache-control": "no-store",
  });
  res.end(pdf);
};

/**
 * GET /api/actions/<id>/letter.pdf (the letter an action would send, as of today; nothing recorded) and
 * GET /api/documents/<id>.pdf (a letter that was sent). Answers false when the path is neither.
 */
export const handleCollectionDocument = async (deps: ServiceDeps, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
  const preview = PREVIEW_PATH.exec(pathname);
  const document = DOCUMENT_PATH.exec(pathname);
  if ((preview === null && document === null) || req.method !== "GET") return false;
  try {
    const session = await authenticateRequest(deps, req);
    if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const actor: Actor = { userId: session.user.id, orgId: session.org.id, role: session.role };
    const file = preview !== null
      ? await previewActionLetter(deps, actor, { actionId: preview[1] })
      : await getGeneratedDocument(deps, actor, { documentId: document![1] });
    sendPdf(res, file.fileName, file.pdf);
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendJson(res, HTTP_STATUS_OF[error.code], { error: { code: error.code, key: error.details.key ?? null, message: error.message } });
  }
  return true;
};
