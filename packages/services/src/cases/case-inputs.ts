import { AppError } from "@relance/domain";
import { z } from "zod";

/** The stages a case moves through, in order; `closed` ends it and needs a reason. */
export const CASE_STAGES = ["reminder_1", "reminder_2", "formal_notice", "pre_litigation", "legal_injonction", "legal_poursuite", "closed"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CLOSE_REASONS = ["paid", "settled", "written_off"] as const;
export const CALL_OUTCOMES = ["reached", "no_answer", "wrong_number", "callback"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const PROMISE_CHANNELS = ["phone", "email", "letter", "meeting", "other"] as const;

const id = z.uuid("Must be a valid id");
/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const calendarDateSchema = z.iso.date("Must be a date (YYYY-MM-DD)");
const note = z.string().trim().max(4000, "At most 4000 characters");

export const caseIdInput = z.object({ caseId: id });
export const timelineInput = z.object({
  caseId: id,
  before: z.string().regex(/^\d{1,18}$/, "Must be an event id").optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const changeStageInput = z
  .object({
    caseId: id,
    stage: z.enum(CASE_STAGES, "Unknown stage"),
    reason: z.string().trim().min(1, "Say why").max(1000),
    closedReason: z.enum(CLOSE_REASONS, "Choose paid, settled or written off").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.stage === "closed" && !v.closedReason) ctx.addIssue({ code: "custom", path: ["closedReason"], message: "Closing needs a reason: paid, settled or written off" });
  });
export const logCallInput = z.object({
  caseId: id,
  outcome: z.enum(CALL_OUTCOMES, "Unknown call outcome"),
  note: note.default(""),
  nextActionDate: calendarDateSchema.optional(),
});
export const addNoteInput = z.object({ caseId: id, text: z.string().trim().min(1, "Write the note").max(4000, "At most 4000 characters") });
export const updateCaseInput = z.object({
  caseId: id,
  priority: z.number().int().min(0).max(3).optional(),
  nextActionDate: calendarDateSchema.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});
export const recordPromiseInput = z.object({
  caseId: id,
  amountMinor: z.number().int("Whole minor units").positive("Must be more than zero").max(1e13),
  currency: z.enum(["EUR", "CHF"], "EUR or CHF"),
  promisedFor: calendarDateSchema,
  channel: z.enum(PROMISE_CHANNELS, "Unknown channel").default("phone"),
  promisedBy: z.string().trim().max(200).optional(),
});
export const cancelPromiseInput = z.object({ promiseId: id, reason: z.string().trim().max(1000).optional() });

export const worklistInput = z.object({ assigneeOnly: z.boolean().default(false) });
export const snoozeInput = z.object({ actionId: id, until: calendarDateSchema });
export const bulkSnoozeInput = z.object({ actionIds: z.array(id).min(1, "Choose at least one action").max(200), until: calendarDateSchema });
export const markDoneInput = z.object({
  actionId: id,
  outcome: z.enum(CALL_OUTCOMES, "Unknown outcome").optional(),
  note: note.default(""),
});
export const skipInput = z.object({ actionId: id, reason: z.string().trim().min(1, "Say why").max(1000) });

/** Parses a service input, reporting every field at fault as BAD_REQUEST (before anything is written). */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(input)", message: i.message }));
  throw new AppError("BAD_REQUEST", `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { key: "errors.invalidInput", fields });
};
