import { ACTIVE_DISPUTE_STATUSES, DISPUTE_REASON_CODE } from "@relance/domain";
import { z } from "zod";
import { calendarDateSchema } from "../cases/case-inputs.ts";

const id = z.uuid("Must be a valid id");
const amountMinor = z.number().int("Whole minor units").positive("Must be more than zero").max(1e13, "Too large");
const why = z.string().trim().max(1000, "At most 1000 characters");
const members = z.array(z.uuid("Must be a member id")).max(20, "At most 20 participants");

export const openDisputeInput = z.object({
  caseId: id,
  invoiceIds: z.array(id).min(1, "Choose at least one invoice").max(50, "At most 50 invoices"),
  reasonId: id,
  /** Defaults to the chosen invoices' open total. */
  disputedMinor: amountMinor.optional(),
  ownerId: id.optional(),
  participantIds: members.default([]),
  /** Defaults to the tenant's SLA (business days) from today. */
  dueDate: calendarDateSchema.optional(),
  note: why.default(""),
});

export const disputeIdInput = z.object({ disputeId: id });

export const changeDisputeStatusInput = z.object({
  disputeId: id,
  status: z.enum(ACTIVE_DISPUTE_STATUSES, "Unknown status"),
  note: why.default(""),
});

export const updateDisputeInput = z.object({
  disputeId: id,
  disputedMinor: amountMinor.optional(),
  ownerId: id.optional(),
  dueDate: calendarDateSchema.optional(),
  addParticipantIds: members.default([]),
  removeParticipantIds: members.default([]),
  note: why.default(""),
});

export const resolveDisputeInput = z
  .object({
    disputeId: id,
    resolution: z.enum(["credit_note", "rejected", "partial"], "Choose credit note, rejected or partial"),
    creditedMinor: amountMinor.optional(),
    note: why.default(""),
  })
  .superRefine((v, ctx) => {
    // a full credit note defaults to the disputed amount; a partial one says how much
    if (v.resolution === "partial" && v.creditedMinor === undefined) ctx.addIssue({ code: "custom", path: ["creditedMinor"], message: "Say how much is credited" });
    if (v.resolution === "rejected" && v.creditedMinor !== undefined) ctx.addIssue({ code: "custom", path: ["creditedMinor"], message: "A rejected dispute credits nothing" });
  });

const label = z.string().trim().min(1, "Write a label").max(100, "At most 100 characters");
export const createDisputeReasonInput = z.object({
  code: z.string().trim().regex(DISPUTE_REASON_CODE, "Lower-case letters, digits and _ (2 to 40), starting with a letter"),
  labelFr: label,
  labelEn: label,
});
export const updateDisputeReasonInput = z.object({
  reasonId: id,
  labelFr: label.optional(),
  labelEn: label.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  retired: z.boolean().optional(),
});
export const reasonIdInput = z.object({ reasonId: id });
export const disputeSettingsInput = z.object({ slaBusinessDays: z.number().int("Whole days").min(1, "At least 1 day").max(120, "At most 120 days") });

/** A period of instants, [from, to). */
export const waitingReportInput = z
  .object({ from: z.iso.datetime({ offset: true, message: "Must be an ISO instant" }), to: z.iso.datetime({ offset: true, message: "Must be an ISO instant" }) })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ["to"], message: "Must be after from" });
