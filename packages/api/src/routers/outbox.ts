import { getOutboxMessage, listOutbox, OUTBOX_CHANNELS, OUTBOX_STATUSES, outboxListInput } from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso, uuidSchema } from "../schemas.ts";
import { authedProcedure, router } from "../trpc.ts";

const messageFields = {
  id: z.string(),
  createdAt: isoInstant,
  sentAt: isoInstant.nullable(),
  channel: z.enum(OUTBOX_CHANNELS),
  recipient: z.string(),
  subject: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  error: z.string().nullable(),
  actionId: z.string().nullable(),
  caseId: z.string().nullable(),
  debtorName: z.string().nullable(),
  documentId: z.string().nullable(),
};

const toWire = <T extends { createdAt: Date; sentAt: Date | null }>(row: T) => ({ ...row, createdAt: toIso(row.createdAt), sentAt: row.sentAt ? toIso(row.sentAt) : null });

/** What was sent to debtors, or recorded as it would have been when no SMTP server or SMS provider is set. */
export const outboxRouter = router({
  list: authedProcedure
    .input(outboxListInput)
    .output(z.object({ rows: z.array(z.object(messageFields)), nextCursor: z.object({ createdAt: z.string(), id: z.string() }).nullable() }))
    .query(async ({ ctx, input }) => {
      const page = await listOutbox(ctx.deps, ctx.actor, input);
      return { rows: page.rows.map(toWire), nextCursor: page.nextCursor };
    }),
  get: authedProcedure
    .input(z.object({ id: uuidSchema }))
    .output(z.object({ ...messageFields, body: z.string(), messageId: z.string().nullable() }))
    .query(async ({ ctx, input }) => toWire(await getOutboxMessage(ctx.deps, ctx.actor, input))),
});
