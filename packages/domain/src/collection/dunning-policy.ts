import { z } from "zod";
import { parseOrThrow } from "./collection-errors.ts";

/**
 * A dunning policy: the steps a tenant runs for a segment of debtors, each at a day offset from the due date
 * (negative = before it). Steps are ordered by strictly increasing offset and never lower the level, so "the highest
 * step due" is well defined. Step indexes are 0-based everywhere, in paths (`steps.2`) and in sent-step keys.
 */
export const DUNNING_CHANNELS = ["email", "letter", "sms", "call"] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

/** The segments the default policies use; a tenant may add its own keys. */
export const KNOWN_POLICY_SEGMENTS = ["b2b_fr", "b2c_fr", "ch"] as const;
export type PolicySegment = (typeof KNOWN_POLICY_SEGMENTS)[number] | (string & {});

export const MIN_DUNNING_LEVEL = 1;
export const MAX_DUNNING_LEVEL = 9;

export interface DunningStep {
  readonly offsetDays: number;
  readonly channel: DunningChannel;
  /** The template used for this step (see templates.ts), e.g. `reminder_1`. */
  readonly templateKey: string;
  /** 1 (courtesy) … 9 (litigation); the level of a consolidated reminder is the highest among its invoices. */
  readonly level: number;
  /** Whether the message states the late penalties owed so far. */
  readonly addPenalties: boolean;
}

export interface DunningPolicy {
  readonly name: string;
  readonly segment: PolicySegment;
  readonly steps: readonly DunningStep[];
}

const KEY = /^[a-z][a-z0-9_]{0,63}$/;

const dunningStepSchema = z.object({
  offsetDays: z.number({ error: "must be a number of days" }).int("must be a whole number of days").min(-365, "must be at most 365 days before the due date").max(3_650, "must be at most 3650 days after the due date"),
  channel: z.enum(DUNNING_CHANNELS, { error: `must be one of ${DUNNING_CHANNELS.join(", ")}` }),
  templateKey: z.string({ error: "is required" }).regex(KEY, "must be lowercase letters, digits and _, starting with a letter"),
  level: z.number({ error: "must be a number" }).int("must be a whole number").min(MIN_DUNNING_LEVEL, `must be from ${MIN_DUNNING_LEVEL} to ${MAX_DUNNING_LEVEL}`).max(MAX_DUNNING_LEVEL, `must be from ${MIN_DUNNING_LEVEL} to ${MAX_DUNNING_LEVEL}`),
  addPenalties: z.boolean({ error: "must be true or false" }),
});

export const dunningPolicySchema = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  segment: z.string({ error: "is required" }).regex(KEY, "must be lowercase letters, digits and _, starting with a letter"),
  steps: z.array(dunningStepSchema, { error: "must be a list of steps" }).min(1, "needs at least one step").check((ctx) => {
    ctx.value.forEach((step, index) => {
      const previous = ctx.value[index - 1];
      if (previous === undefined) return;
      if (step.offsetDays <= previous.offsetDays) {
        ctx.issues.push({ code: "custom", message: `must be after step ${index - 1} (${previous.offsetDays})`, path: [index, "offsetDays"], input: step.offsetDays });
      }
      if (step.level < previous.level) {
        ctx.issues.push({ code: "custom", message: `must not be below step ${index - 1} (${previous.level})`, path: [index, "level"], input: step.level });
      }
    });
  }),
});

/** Parses a policy (from the editor or seed data), or throws a BAD_REQUEST naming each bad field. */
export const parseDunningPolicy = (input: unknown): DunningPolicy => parseOrThrow(dunningPolicySchema, input, "dunning policy", "collection.invalidDunningPolicy");
