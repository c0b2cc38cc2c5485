import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES } from "./default-dunning-policies.ts";
import { parseDunningPolicy } from "./dunning-policy.ts";

const policy = (segment: string) => DEFAULT_POLICIES.find((p) => p.segment === segment)!;

describe("default dunning policies", () => {
  it("are valid, one per known segment", () => {
    for (const p of DEFAULT_POLICIES) expect(parseDunningPolicy(p)).toEqual(p);
    expect(DEFAULT_POLICIES.map((p) => p.segment)).toEqual(["b2b_fr", "b2c_fr", "ch"]);
  });

  it("run courtesy, reminder 1, reminder 2, formal notice with penalties, then a call in France B2B", () => {
    expect(policy("b2b_fr").steps.map((s) => [s.offsetDays, s.channel, s.templateKey, s.addPenalties])).toEqual([
      [-3, "email", "courtesy_reminder", false],
      [7, "email", "reminder_1", false],
      [21, "letter", "reminder_2", true],
      [35, "letter", "formal_notice_b2b_fr", true],
      [50, "call", "litigation_call", true],
    ]);
  });

  it("state no penalties in a B2C formal notice, which is what starts interest", () => {
    expect(policy("b2c_fr").steps.find((s) => s.templateKey === "formal_notice_b2c_fr")).toMatchObject({ channel: "letter", addPenalties: false });
  });

  it("send three Mahnungen, then warn of Betreibung, in Switzerland", () => {
    expect(policy("ch").steps.map((s) => s.templateKey)).toEqual(["ch_reminder_1", "ch_reminder_2", "ch_reminder_3", "ch_enforcement_warning"]);
  });
});
