import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { parseDunningPolicy } from "./dunning-policy.ts";

const fieldsOf = (input: unknown) => {
  try {
    parseDunningPolicy(input);
  } catch (error) {
    if (isAppError(error)) return error.details.fields;
    throw error;
  }
  return [];
};

const step = (offsetDays: number, level = 1) => ({ offsetDays, channel: "email", templateKey: "reminder_1", level, addPenalties: false });

describe("dunning policy", () => {
  it("accepts a valid policy as given", () => {
    const valid = { name: "P", segment: "b2b_fr", steps: [step(-3), step(7, 2), { ...step(21, 2), channel: "letter", addPenalties: true }] };
    expect(parseDunningPolicy(valid)).toEqual(valid);
  });

  it("names the step whose offset does not increase", () => {
    expect(fieldsOf({ name: "P", segment: "b2b_fr", steps: [step(-3), step(7), step(7)] })).toEqual([
      { path: "steps.2.offsetDays", message: "must be after step 1 (7)" },
    ]);
  });

  it("names a level that goes down or leaves 1..9", () => {
    expect(fieldsOf({ name: "P", segment: "ch", steps: [step(1, 3), step(2, 2)] })).toEqual([{ path: "steps.1.level", message: "must not be below step 0 (3)" }]);
    expect(fieldsOf({ name: "P", segment: "ch", steps: [step(1, 10)] })).toEqual([{ path: "steps.0.level", message: "must be from 1 to 9" }]);
    expect(fieldsOf({ name: "P", segment: "ch", steps: [step(1, 0)] })).toEqual([{ path: "steps.0.level", message: "must be from 1 to 9" }]);
  });

  it("refuses an empty policy and bad fields", () => {
    expect(fieldsOf({ name: " ", segment: "B2B", steps: [] })).toEqual([
      { path: "name", message: "is required" },
      { path: "segment", message: "must be lowercase letters, digits and _, starting with a letter" },
      { path: "steps", message: "needs at least one step" },
    ]);
    expect(fieldsOf({ name: "P", segment: "x", steps: [{ ...step(1.5), channel: "fax" }] })).toEqual([
      { path: "steps.0.offsetDays", message: "must be a whole number of days" },
      { path: "steps.0.channel", message: "must be one of email, letter, sms, call" },
    ]);
  });

  it("keeps a tenant's own segment key", () => {
    expect(parseDunningPolicy({ name: "Grands comptes", segment: "key_accounts", steps: [step(15)] }).segment).toBe("key_accounts");
  });
});
