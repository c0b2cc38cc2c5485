import { describe, expect, it } from "vitest";
import { dueDateFromTerms } from "./due-date-from-terms.ts";

describe("dueDateFromTerms", () => {
  it("adds plain days", () => {
    expect(dueDateFromTerms("2026-01-15", { days: 30 })).toBe("2026-02-14");
    expect(dueDateFromTerms("2026-01-15", { days: 0 })).toBe("2026-01-15");
  });

  it("computes 45 days end of month both accepted ways", () => {
    // (a) end of invoice month (31 Jan) + 45 days = 17 March
    expect(dueDateFromTerms("2026-01-10", { days: 45, endOfMonth: "end-of-month-then-days" })).toBe("2026-03-17");
    // (b) 10 Jan + 45 days = 24 Feb, then end of that month = 28 Feb
    expect(dueDateFromTerms("2026-01-10", { days: 45, endOfMonth: "days-then-end-of-month" })).toBe("2026-02-28");
    // leap year: 29 Feb 2024 + 45 days = 14 April → 30 April
    expect(dueDateFromTerms("2024-02-29", { days: 45, endOfMonth: "days-then-end-of-month" })).toBe("2024-04-30");
  });

  it("rejects negative or fractional days and bad dates", () => {
    expect(() => dueDateFromTerms("2026-01-10", { days: -1 })).toThrow(/-1 days/);
    expect(() => dueDateFromTerms("2026-01-10", { days: 1.5 })).toThrow(/1.5 days/);
    expect(() => dueDateFromTerms("2026-02-30", { days: 30 })).toThrow(/2026-02-30/);
  });
});
