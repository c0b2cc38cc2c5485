import { CHAT_MAX_ATTACHMENTS, CHAT_MAX_BODY_CHARS } from "@relance/domain";
import { z } from "zod";

const caseId = z.uuid("caseId must be a case id");

const text = z.string("body must be text").max(CHAT_MAX_BODY_CHARS, `a message holds at most ${CHAT_MAX_BODY_CHARS.toLocaleString("en")} characters`);

/**
 * Every chat payload, parsed by the socket handlers and again by the services (a payload is never trusted). A message
 * needs text or at least one file.
 */
export const chatSendInput = z
  .object({
    caseId,
    clientId: z.uuid("clientId must be a UUID chosen by the client"),
    body: text,
    attachmentIds: z.array(z.uuid("attachmentIds must be attachment ids")).max(CHAT_MAX_ATTACHMENTS, `at most ${CHAT_MAX_ATTACHMENTS} files per message`).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.body.trim() === "" && v.attachmentIds.length === 0) ctx.addIssue({ code: "custom", path: ["body"], message: "write something or attach a file" });
  });
export const chatEditInput = z
  .object({ caseId, messageId: z.uuid("messageId must be a message id"), body: text.refine((v) => v.trim() !== "", "write something") })
  .strict();
export const chatDeleteInput = z.object({ caseId, messageId: z.uuid("messageId must be a message id") }).strict();
export const chatSinceInput = z
  .object({
    caseId,
    afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    afterRev: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export const chatHistoryInput = z
  .object({ caseId, before: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), limit: z.number().int().min(1).max(100).default(50) })
  .strict();
export const chatCaseInput = z.object({ caseId }).strict();
export const notificationIdsInput = z.object({ ids: z.array(z.uuid("ids must be notification ids")).min(1).max(100) }).strict();

export type ChatSendInput = z.output<typeof chatSendInput>;
