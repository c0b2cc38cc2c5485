import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../ledger/calendar-date.ts";
import { computeLatePenalties } from "./late-penalties.ts";
import { ch, frB2b } from "./late-penalties-fixture.ts";

describe("late penalties, common rules", () => {
  it("owes nothing before the day after the due date", () => {
    for (const input of [frB2b({ asOf: "2025-06-15" }), frB2b({ asOf: "2025-06-01" }), ch({ asOf: "2025-06-15" })]) {
      const result = computeLatePenalties(input);
      expect(result).toMatchObject({ lines: [], interestMinor: 0, indemnityMinor: 0, totalMinor: 0 });
      expect(result.notes[0]!.key).toBe("collection.penalty.notYetLate");
    }
  });

  it("owes nothing on a settled invoice", () => {
    expect(computeLatePenalties(frB2b({ principalMinor: 0 })).totalMinor).toBe(0);
  });

  it("lines cover every late day once and the total is the sum of the rounded lines", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 160 }), fc.integer({ min: 1, max: 200 }), (principal, offset, late) => {
        const dueDate = addDays("2025-01-01", offset);
        const result = computeLatePenalties(frB2b({ principalMinor: principal, dueDate, asOf: addDays(dueDate, late) }));
        const days = result.lines.reduce((sum, line) => sum + line.days, 0);
        return days === late && result.totalMinor === result.lines.reduce((sum, line) => sum + line.interestMinor, 0) + 4_000;
      }),
    );
  });
});
