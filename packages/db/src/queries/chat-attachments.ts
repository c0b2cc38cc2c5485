import type { TenantTx } from "../database.ts";

export interface ChatAttachmentFile {
  id: string;
  caseId: string;
  messageId: string | null;
  uploadedBy: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Whether the message carrying it was deleted (then it is no longer served). */
  messageDeleted: boolean;
}

export const insertChatAttachment = async (
  tx: TenantTx,
  a: { orgId: string; caseId: string; uploadedBy: string; fileName: string; contentType: string; content: Buffer },
): Promise<{ id: string; sizeBytes: number }> => {
  const [row] = await tx<{ id: string; sizeBytes: number }[]>`
    insert into chat_attachments (org_id, case_id, uploaded_by, file_name, content_type, size_bytes, content)
    values (${a.orgId}, ${a.caseId}, ${a.uploadedBy}, ${a.fileName}, ${a.contentType}, ${a.content.length}, ${a.content})
    returning id, size_bytes as "sizeBytes"`;
  return row!;
};

export const findChatAttachment = async (tx: TenantTx, id: string): Promise<ChatAttachmentFile | undefined> => {
  const [row] = await tx<ChatAttachmentFile[]>`
    select a.id, a.case_id as "caseId", a.message_id as "messageId", a.uploaded_by as "uploadedBy", a.file_name as "fileName",
      a.content_type as "contentType", a.size_bytes as "sizeBytes", coalesce(m.deleted_at is not null, false) as "messageDeleted"
    from chat_attachments a left join chat_messages m on m.id = a.message_id
    where a.id = ${id}`;
  return row;
};

export const readChatAttachmentContent = async (tx: TenantTx, id: string): Promise<Buffer> => {
  const [row] = await tx<{ content: Buffer }[]>`select content from chat_attachments where id = ${id}`;
  return row!.content;
};

/**
 * Attaches uploaded files to a message: only files of this case, uploaded by this author and not yet attached.
 * Returns how many were attached.
 */
export const attachChatFiles = async (
  tx: TenantTx,
  a: { caseId: string; messageId: string; uploadedBy: string; attachmentIds: readonly string[] },
): Promise<number> => {
  if (a.attachmentIds.length === 0) return 0;
  const result = await tx`
    update chat_attachments set message_id = ${a.messageId}
    where id = any(${tx.array([...a.attachmentIds])}::uuid[]) and case_id = ${a.caseId} and uploaded_by = ${a.uploadedBy} and message_id is null`;
  return result.count;
};
