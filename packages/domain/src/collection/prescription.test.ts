import { describe, expect, it } from "vitest";
import { LIMITATION_PERIODS } from "./limitation-periods.ts";
import { isApproaching, prescriptionDate, prescriptionStatus, type PrescriptionInput } from "./prescription.ts";

const fr = (overrides: Partial<PrescriptionInput> = {}): PrescriptionInput => ({ jurisdiction: "FR", segment: "b2b", dueDate: "2020-03-15", events: [], ...overrides });

describe("prescription", () => {
  it("runs 5 years in FR B2B, 2 in FR B2C, 10 or 5 in CH, from the due date", () => {
    expect(prescriptionDate(fr()).date).toBe("2025-03-15");
    expect(prescriptionDate(fr()).period).toEqual({ key: "fr_b2b", years: 5, reference: "C. com. L110-4" });
    expect(prescriptionDate(fr({ segment: "b2c" })).date).toBe("2022-03-15");
    expect(prescriptionDate(fr({ jurisdiction: "CH" })).date).toBe("2030-03-15");
    expect(prescriptionDate(fr({ jurisdiction: "CH", segment: "b2c" })).period.reference).toBe("CO 127");
    expect(prescriptionDate(fr({ jurisdiction: "CH", chShortPeriod: true })).date).toBe("2025-03-15");
    // the CO 128 flag means nothing in France
    expect(prescriptionDate(fr({ chShortPeriod: true })).period.key).toBe("fr_b2b");
  });

  it("restarts a full period at each interruption", () => {
    // due 15 Mar 2020 → 15 Mar 2025; partial payment 10 Jun 2021 → 10 Jun 2026; acknowledgment 1 Feb 2024 → 1 Feb 2029
    const result = prescriptionDate(fr({ events: [{ kind: "acknowledgment", date: "2024-02-01" }, { kind: "partial_payment", date: "2021-06-10" }] }));
    expect(result.date).toBe("2029-02-01");
    expect(result.basis.map((b) => b.key)).toEqual(["collection.prescription.start", "collection.prescription.interrupted", "collection.prescription.interrupted"]);
    expect(result.basis[1]!.text).toBe("partial_payment on 2021-06-10 interrupts the period (C. civ. 2240 (a partial payment acknowledges the debt)): a new period of 5 years runs, last day 2026-06-10.");
  });

  it("does not let a formal notice or a reminder interrupt in France", () => {
    const result = prescriptionDate(fr({ events: [{ kind: "formal_notice", date: "2024-12-01" }, { kind: "reminder", date: "2025-01-10" }] }));
    expect(result.date).toBe("2025-03-15");
    expect(result.basis[1]!.text).toBe("formal_notice on 2024-12-01: does not interrupt the limitation period (Cass. com. 18 May 2022, 20-23.204).");
  });

  it("restarts at every Swiss enforcement act, never at a reminder", () => {
    // CO 128 claim due 31 Jan 2021 → 31 Jan 2026; payment order 5 May 2023 → 5 May 2028; continuation 2 Oct 2023 → 2 Oct 2028
    const result = prescriptionDate({
      jurisdiction: "CH", segment: "b2b", chShortPeriod: true, dueDate: "2021-01-31",
      events: [{ kind: "reminder", date: "2021-03-01" }, { kind: "enforcement_act", date: "2023-05-05" }, { kind: "enforcement_act", date: "2023-10-02" }],
    });
    expect(result.date).toBe("2028-10-02");
    expect(result.basis.map((b) => b.key)).toEqual([
      "collection.prescription.start", "collection.prescription.noInterruption", "collection.prescription.interrupted", "collection.prescription.interrupted",
    ]);
  });

  it("ignores events before the due date and after the claim is time-barred", () => {
    // B2C due 15 Mar 2020 → 15 Mar 2022; an acknowledgment of 1 Apr 2022 comes too late
    const late = prescriptionDate(fr({ segment: "b2c", events: [{ kind: "acknowledgment", date: "2022-04-01" }, { kind: "court_claim", date: "2020-01-01" }] }));
    expect(late.date).toBe("2022-03-15");
    expect(late.basis.map((b) => b.key)).toEqual(["collection.prescription.start", "collection.prescription.beforeDue", "collection.prescription.afterBar"]);
    // on the last day itself it still interrupts: 15 Mar 2022 → 15 Mar 2024
    expect(prescriptionDate(fr({ segment: "b2c", events: [{ kind: "court_claim", date: "2022-03-15" }] })).date).toBe("2024-03-15");
  });

  it("ends a period starting on 29 February on 28 February of a common year", () => {
    expect(prescriptionDate(fr({ dueDate: "2024-02-29" })).date).toBe("2029-02-28");
    expect(prescriptionDate(fr({ dueDate: "2024-02-29", segment: "b2c" })).date).toBe("2026-02-28");
    expect(prescriptionDate(fr({ dueDate: "2023-02-28", events: [{ kind: "acknowledgment", date: "2024-02-29" }] })).date).toBe("2029-02-28");
    // 4 years later it is a leap year again: 29 Feb 2028 exists
    expect(prescriptionDate(fr({ dueDate: "2024-02-29", jurisdiction: "CH", chShortPeriod: false, periods: LIMITATION_PERIODS.map((p) => (p.key === "ch_default" ? { ...p, years: 4 } : p)) })).date).toBe("2028-02-29");
  });

  it("warns ahead of the limitation date", () => {
    expect(isApproaching("2025-03-15", "2025-01-14", 60)).toBe(true); // 17 + 28 + 15 = 60 days left
    expect(isApproaching("2025-03-15", "2025-01-13", 60)).toBe(false); // 61 days left
    expect(isApproaching("2025-03-15", "2025-03-15", 60)).toBe(true);
    expect(isApproaching("2025-03-15", "2025-03-16", 60)).toBe(false);
    expect(prescriptionStatus("2025-03-15", "2025-03-16", 60)).toBe("time_barred");
    expect(prescriptionStatus("2025-03-15", "2024-01-01", 60)).toBe("running");
    expect(prescriptionStatus("2025-03-15", "2025-03-01", 60)).toBe("approaching");
  });
});
