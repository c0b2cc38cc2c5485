import { ACTIVE_DISPUTE_STATUSES, DISPUTE_RESOLUTIONS, DISPUTE_STATUSES, WAITING_PARTIES } from "@relance/domain";
import type { DisputeView } from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso } from "./schemas.ts";

const statusSchema = z.enum(DISPUTE_STATUSES);
const MOVE_TARGETS = ACTIVE_DISPUTE_STATUSES.filter((s) => s !== "open") as ["investigating", "waiting_sales", "waiting_billing", "waiting_customer"];
const waitingMs = z.object({ sales: z.number().int(), billing: z.number().int(), customer: z.number().int() });

/** A dispute as the case page shows it; instants as ISO strings. */
export const disputeOutput = z.object({
  id: z.string(),
  caseId: z.string(),
  debtorId: z.string(),
  reason: z.object({ id: z.string(), code: z.string(), labelFr: z.string(), labelEn: z.string() }),
  currency: z.enum(["EUR", "CHF"]),
  disputedMinor: z.number().int(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: statusSchema,
  dueDate: z.string(),
  overdue: z.boolean(),
  escalatedAt: isoInstant.nullable(),
  resolution: z.enum(DISPUTE_RESOLUTIONS).nullable(),
  creditedMinor: z.number().int().nullable(),
  creditNoteNumber: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  openedByName: z.string().nullable(),
  openedAt: isoInstant,
  resolvedAt: isoInstant.nullable(),
  invoices: z.array(z.object({ invoiceId: z.string(), number: z.string(), dueDate: z.string(), amountMinor: z.number().int(), openMinor: z.number().int(), openMinorAtOpen: z.number().int() })),
  participants: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string() })),
  intervals: z.array(z.object({ status: statusSchema, from: isoInstant, to: isoInstant.nullable() })),
  waitingMs,
  waitingNow: z.object({ party: z.enum(WAITING_PARTIES), since: isoInstant }).nullable(),
  /** The server's instant the clocks were computed at: the screen ticks on from it. */
  computedAt: isoInstant,
  /** Nothing moves back to `open`; `resolved` is reached by resolving. */
  allowedTransitions: z.array(z.enum(MOVE_TARGETS)),
  mayResolve: z.boolean(),
  mayEdit: z.boolean(),
  notesDocument: z.string(),
});
export type DisputeOutput = z.infer<typeof disputeOutput>;

export const toDisputeOutput = (d: DisputeView, computedAt: Date): DisputeOutput => ({
  id: d.id,
  caseId: d.caseId,
  debtorId: d.debtorId,
  reason: { id: d.reasonId, code: d.reasonCode, labelFr: d.reasonLabelFr, labelEn: d.reasonLabelEn },
  currency: d.currency,
  disputedMinor: d.disputedMinor,
  ownerId: d.ownerId,
  ownerName: d.ownerName,
  status: d.status,
  dueDate: d.dueDate,
  overdue: d.overdue,
  escalatedAt: d.escalatedAt ? toIso(d.escalatedAt) : null,
  resolution: d.resolution,
  creditedMinor: d.creditedMinor,
  creditNoteNumber: d.creditNoteNumber,
  resolutionNote: d.resolutionNote,
  openedByName: d.openedByName,
  openedAt: toIso(d.openedAt),
  resolvedAt: d.resolvedAt ? toIso(d.resolvedAt) : null,
  invoices: d.invoices,
  participants: d.participants.map((p) => ({ userId: p.userId, displayName: p.displayName, role: p.role })),
  intervals: d.intervals.map((i) => ({ status: i.status, from: toIso(i.from), to: i.to ? toIso(i.to) : null })),
  waitingMs: d.waitingMs,
  waitingNow: d.waitingNow ? { party: d.waitingNow.party, since: toIso(d.waitingNow.since) } : null,
  computedAt: toIso(computedAt),
  allowedTransitions: d.allowedTransitions.filter((s): s is (typeof MOVE_TARGETS)[number] => (MOVE_TARGETS as readonly string[]).includes(s)),
  mayResolve: d.mayResolve,
  mayEdit: d.mayEdit,
  notesDocument: d.notesDocument,
});

export const reasonOutput = z.object({
  id: z.string(),
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  position: z.number().int(),
  retired: z.boolean(),
  useCount: z.number().int(),
});
