import { describe, expect, it } from "vitest";
import { computeLatePenalties } from "./late-penalties.ts";
import { ch, periods } from "./late-penalties-fixture.ts";

describe("late penalties, Switzerland", () => {
  it("runs 5 % from the reminder when the due date was not fixed", () => {
    // reminder 15 April (due 31 March), as of 14 May: 15–30 Apr 16 + 1–14 May 14 = 30 days × 5 %
    //   100000 × 0.05 × 30 / 365 = 410.96 → 411
    const input = ch({ dueDate: "2025-03-31", fixedDueDate: false, firstReminderDate: "2025-04-15", asOf: "2025-05-14" });
    expect(periods(input)).toEqual([{ from: "2025-04-15", to: "2025-05-14", days: 30, ratePercent: "5.00", interestMinor: 411 }]);
    expect(computeLatePenalties(input)).toMatchObject({ currency: "CHF", interestMinor: 411, indemnityMinor: 0, totalMinor: 411 });
  });

  it("runs from the day after a fixed due date, and not at all without a reminder otherwise", () => {
    // 1 Apr–14 May = 30 + 14 = 44 days × 5 %: 100000 × 0.05 × 44 / 365 = 602.74 → 603
    expect(computeLatePenalties(ch({ dueDate: "2025-03-31", asOf: "2025-05-14" })).interestMinor).toBe(603);
    const none = computeLatePenalties(ch({ dueDate: "2025-03-31", fixedDueDate: false, asOf: "2025-05-14" }));
    expect(none.totalMinor).toBe(0);
    expect(none.notes[0]!.key).toBe("collection.penalty.chNoReminder");
  });

  it("counts 366 days of a leap year over 365", () => {
    // 2024: 366 days × 5 %: 100000 × 0.05 × 366 / 365 = 5013.70 → 5014
    expect(periods(ch({ dueDate: "2023-12-31", asOf: "2024-12-31" }))).toEqual([
      { from: "2024-01-01", to: "2024-12-31", days: 366, ratePercent: "5.00", interestMinor: 5_014 },
    ]);
  });
});

