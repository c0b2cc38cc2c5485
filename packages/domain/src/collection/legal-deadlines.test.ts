import { describe, expect, it } from "vitest";
import { deadlineEnd, injonctionOppositionDeadline, injonctionServiceDeadline, LEGAL_DEADLINES, schkgDeadlines } from "./legal-deadlines.ts";

describe("legal deadlines", () => {
  it("lapses an injonction de payer not served within 6 months, with an alert before", () => {
    // issued Tue 15 Apr 2025 → serve by 15 Oct 2025 (a Wednesday), lapses 16 Oct; alert 30 days before: 15 Sep
    const result = injonctionServiceDeadline("2025-04-15", 30);
    expect(result).toMatchObject({ lastDayToServe: "2025-10-15", lapsesOn: "2025-10-16", alertDate: "2025-09-15" });
    expect(result.basis[0]!.text).toBe("The order issued 2025-04-15 must be served by 2025-10-15 (6 months, CPC 1411); unserved, it lapses on 2025-10-16.");
    // 31 Aug + 6 months = 28 Feb (no 31 Feb); the creditor's own deadline never rolls past a weekend: 28 Feb 2026 is a Saturday
    expect(injonctionServiceDeadline("2025-08-31", 0).lastDayToServe).toBe("2026-02-28");
    expect(() => injonctionServiceDeadline("2021-06-01", 10)).toThrow(/fr_injonction_service/);
    expect(() => injonctionServiceDeadline("2025-04-15", -1)).toThrow(/alertDays/);
  });

  it("gives the debtor a month to oppose an injonction, rolled past a weekend", () => {
    // served Thu 5 Jun 2025 → 5 Jul 2025 is a Saturday → Monday 7 Jul; final from 8 Jul
    expect(injonctionOppositionDeadline("2025-06-05")).toMatchObject({ lastDay: "2025-07-07", finalFrom: "2025-07-08" });
  });

  it("computes the SchKG opposition and continuation window", () => {
    // served Mon 3 Mar 2025: opposition 10 days → Thu 13 Mar; payment period 20 days → Sun 23 Mar → Mon 24 Mar,
    // so continuation from Tue 25 Mar until 3 Mar 2026 (1 year, not rolled)
    const result = schkgDeadlines("2025-03-03");
    expect(result).toMatchObject({ oppositionLastDay: "2025-03-13", paymentLastDay: "2025-03-24", continuationWindow: { opensOn: "2025-03-25", closesOn: "2026-03-03" } });
    expect(result.basis[1]!.text).toBe(
      "Continuation may be requested from 2025-03-25, after the payment period ending 2025-03-24, until 2026-03-03 (SchKG 69 al. 2 ch. 2, 88 al. 1; SchKG 88 al. 2).",
    );
  });

  it("rolls past holidays and extends the year by mainlevée days", () => {
    // served Tue 22 Jul 2025: opposition 10 days → Fri 1 Aug (Swiss national day) → Mon 4 Aug
    // payment period → Mon 11 Aug; continuation from 12 Aug until 22 Jul 2026 + 45 days = 5 Sep 2026
    const result = schkgDeadlines("2025-07-22", { holidays: ["2025-08-01"], mainleveeDays: 45 });
    expect(result.oppositionLastDay).toBe("2025-08-04");
    expect(result.continuationWindow).toEqual({ opensOn: "2025-08-12", closesOn: "2026-09-05" });
  });

  it("reads the rule in force on the act's date", () => {
    const rules = [...LEGAL_DEADLINES, { key: "ch_opposition" as const, validFrom: "2030-01-01", amount: 15, unit: "days" as const, rollsToWorkingDay: false, reference: "hypothetical" }];
    expect(deadlineEnd("ch_opposition", "2029-12-31", { rules }).rule.amount).toBe(10);
    expect(deadlineEnd("ch_opposition", "2030-01-07", { rules }).lastDay).toBe("2030-01-22");
  });
});
