import { describe, expect, it } from "vitest";
import { LIMITATION_PERIODS, PRESCRIPTION_EVENT_KINDS } from "./limitation-periods.ts";
import { limitationPeriodFor } from "./prescription.ts";

describe("limitation periods (FACTS §3, §8)", () => {
  it("resolve exactly one period for each jurisdiction, segment and CH flag", () => {
    const cases = [["FR", "b2b", false, "fr_b2b"], ["FR", "b2c", false, "fr_b2c"], ["CH", "b2b", false, "ch_default"], ["CH", "b2c", true, "ch_short"]] as const;
    for (const [jurisdiction, segment, chShortPeriod, key] of cases) expect(limitationPeriodFor({ jurisdiction, segment, chShortPeriod }).key).toBe(key);
    expect(LIMITATION_PERIODS.map((p) => [p.key, p.years, p.reference])).toEqual([
      ["fr_b2b", 5, "C. com. L110-4"], ["fr_b2c", 2, "C. conso. L218-2"], ["ch_default", 10, "CO 127"], ["ch_short", 5, "CO 128"],
    ]);
  });

  it("say for every event kind whether it interrupts, with a reference", () => {
    for (const period of LIMITATION_PERIODS) {
      expect(Object.keys(period.events).sort()).toEqual([...PRESCRIPTION_EVENT_KINDS].sort());
      const interrupting = PRESCRIPTION_EVENT_KINDS.filter((kind) => period.events[kind].interrupts);
      expect(interrupting).toEqual(["acknowledgment", "partial_payment", "court_claim", "enforcement_act"]);
      for (const kind of PRESCRIPTION_EVENT_KINDS) expect(period.events[kind].reference).not.toBe("");
    }
    expect(LIMITATION_PERIODS[0]!.events.formal_notice.reference).toBe("Cass. com. 18 May 2022, 20-23.204");
  });

  it("fail clearly when a table lacks the period asked for", () => {
    expect(() => limitationPeriodFor({ jurisdiction: "CH", segment: "b2b", chShortPeriod: true, periods: LIMITATION_PERIODS.slice(0, 3) })).toThrow("No limitation period for CH b2b (short)");
  });
});
