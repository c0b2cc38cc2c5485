import { findGeneratedDocument, findOutboxMessage, listOutboxMessages, withTenant, type OutboxMessageRow } from "@relance/db";
import { AppError, hasRole, LEDGER_WRITERS, type Role } from "@relance/domain";
import { z } from "zod";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findAccessibleCaseTx } from "../cases/case-access.ts";
import { parseInput } from "../cases/case-inputs.ts";

/** The outbox shows what went to every debtor: the ledger roles and managers see it, sales reps do not. */
const OUTBOX_READERS: readonly Role[] = [...LEDGER_WRITERS, "manager"];

const requireOutboxReader = (actor: Actor): void => {
  if (!hasRole(actor.role, OUTBOX_READERS)) throw new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
};

export const OUTBOX_CHANNELS = ["email", "sms", "letter"] as const;
export const OUTBOX_STATUSES = ["queued", "sent", "recorded", "failed", "bounced"] as const;

export const outboxListInput = z.object({
  channel: z.enum(OUTBOX_CHANNELS).nullish(),
  status: z.enum(OUTBOX_STATUSES).nullish(),
  caseId: z.uuid("Must be a case id").nullish(),
  cursor: z.object({ createdAt: z.iso.datetime({ offset: true }), id: z.uuid() }).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export interface OutboxPage {
  rows: OutboxMessageRow[];
  nextCursor: { createdAt: string; id: string } | null;
}

export const listOutbox = async (deps: ServiceDeps, actor: Actor, input: unknown = {}): Promise<OutboxPage> => {
  requireOutboxReader(actor);
  const v = parseInput(outboxListInput, input);
  const rows = await withTenant(deps.db.sql, actor.orgId, (tx) =>
    listOutboxMessages(tx, {
      channel: v.channel ?? null, status: v.status ?? null, caseId: v.caseId ?? null, limit: v.limit + 1,
      before: v.cursor ? { createdAt: new Date(v.cursor.createdAt), id: v.cursor.id } : null,
    }),
  );
  const page = rows.slice(0, v.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > v.limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null };
};

const notFound = () => new AppError("NOT_FOUND", "Message not found", { key: "errors.notFound" });

/** One message with its body, as it was sent (or would have been). */
export const getOutboxMessage = async (deps: ServiceDeps, actor: Actor, input: unknown) => {
  requireOutboxReader(actor);
  const { id } = parseInput(z.object({ id: z.uuid("Must be a message id") }), input);
  const row = await withTenant(deps.db.sql, actor.orgId, (tx) => findOutboxMessage(tx, id));
  if (row === undefined) throw notFound();
  return row;
};

/** A generated letter's PDF, for whoever can see its case. */
export const getGeneratedDocument = async (deps: ServiceDeps, actor: Actor, input: unknown): Promise<{ fileName: string; pdf: Buffer }> => {
  const { documentId } = parseInput(z.object({ documentId: z.uuid("Must be a document id") }), input);
  return withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const doc = await findGeneratedDocument(tx, documentId);
    if (doc === undefined) throw new AppError("NOT_FOUND", "Document not found", { key: "errors.notFound" });
    if (doc.caseId !== null) await findAccessibleCaseTx(tx, actor, doc.caseId);
    else requireOutboxReader(actor);
    return { fileName: doc.fileName, pdf: doc.content };
  });
};
