import { findChatAttachment, insertChatAttachment, readChatAttachmentContent, withTenant } from "@relance/db";
import { AppError, type ChatAttachment } from "@relance/domain";
import { z } from "zod";
import { parseInput } from "../cases/case-inputs.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { requireChatPoster, requireChatReader } from "./chat-access.ts";
import { detectFileType } from "./detect-file-type.ts";

/** Largest attachment by default; the server's CHAT_ATTACHMENT_MAX_BYTES changes it. */
export const DEFAULT_CHAT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const uploadInput = z
  .object({
    caseId: z.uuid("caseId must be a case id"),
    fileName: z.string().trim().min(1, "fileName: give the file's name").max(200, "fileName: at most 200 characters"),
  })
  .strict();

/** A name safe to store and to put in a header: no path, no control or quote characters. */
const cleanFileName = (name: string): string =>
  name.replace(/^.*[\\/]/, "").replace(/[\u0000-\u001f\u007f"\\]/g, "_").trim() || "file";

/** Stores an uploaded file for a case, once its content is a kind we accept; it is attached by the next message. */
export const uploadChatAttachment = async (
  deps: ServiceDeps, actor: Actor, input: { caseId: unknown; fileName: unknown; content: Buffer },
): Promise<ChatAttachment> => {
  const v = parseInput(uploadInput, { caseId: input.caseId, fileName: input.fileName });
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    await requireChatPoster(tx, actor, v.caseId);
    const detected = detectFileType(input.content, v.fileName);
    if (!detected.ok) throw new AppError("BAD_REQUEST", `file: ${detected.reason}`, { key: "chat.fileRefused", fields: [{ path: "file", message: detected.reason }] });
    const fileName = cleanFileName(v.fileName);
    const stored = await insertChatAttachment(tx, {
      orgId: actor.orgId, caseId: v.caseId, uploadedBy: actor.userId, fileName, contentType: detected.contentType, content: input.content,
    });
    return { id: stored.id, fileName, contentType: detected.contentType, sizeBytes: stored.sizeBytes };
  });
};

/**
 * A file, for those who may see its case (the same rule as the chat); a file of a deleted message is gone, and a file
 * not yet sent is its uploader's only.
 */
export const readChatAttachment = async (deps: ServiceDeps, actor: Actor, attachmentId: unknown): Promise<ChatAttachment & { content: Buffer }> => {
  const id = parseInput(z.uuid("attachment id expected"), attachmentId);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const found = await findChatAttachment(tx, id);
    const notFound = new AppError("NOT_FOUND", "File not found", { key: "errors.notFound" });
    if (!found || found.messageDeleted) throw notFound;
    if (found.messageId === null && found.uploadedBy !== actor.userId) throw notFound;
    await requireChatReader(tx, actor, found.caseId).catch(() => {
      throw notFound;
    });
    return { id: found.id, fileName: found.fileName, contentType: found.contentType, sizeBytes: found.sizeBytes, content: await readChatAttachmentContent(tx, id) };
  });
};
