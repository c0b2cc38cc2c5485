import { describe, expect, it } from "vitest";
import { approachingPrescription, injonctionAlert, prescriptionCandidateCutoff, schkgContinuationAlert } from "./collection-alerts.ts";

describe("approachingPrescription", () => {
  const consumerDebt = { jurisdiction: "FR" as const, segment: "b2c" as const, dueDate: "2024-04-01" };

  it("warns within 90 days of the 2-year consumer limitation date", () => {
    expect(approachingPrescription({ ...consumerDebt, events: [] }, "2026-03-02")?.date).toBe("2026-04-01");
    expect(approachingPrescription({ ...consumerDebt, events: [] }, "2025-12-01")).toBeNull();
    expect(approachingPrescription({ ...consumerDebt, events: [] }, "2026-04-02")).toBeNull(); // time-barred
  });

  it("is restarted by a partial payment or an acknowledgment, not by a French formal notice", () => {
    expect(approachingPrescription({ ...consumerDebt, events: [{ kind: "partial_payment", date: "2025-01-10" }] }, "2026-03-02")).toBeNull();
    expect(approachingPrescription({ ...consumerDebt, events: [{ kind: "acknowledgment", date: "2025-01-10" }] }, "2026-03-02")).toBeNull();
    expect(approachingPrescription({ ...consumerDebt, events: [{ kind: "formal_notice", date: "2025-01-10" }] }, "2026-03-02")?.date).toBe("2026-04-01");
  });

  it("uses 5 years for French businesses and 10 for Swiss claims", () => {
    expect(approachingPrescription({ jurisdiction: "FR", segment: "b2b", dueDate: "2021-04-01", events: [] }, "2026-03-02")?.date).toBe("2026-04-01");
    expect(approachingPrescription({ jurisdiction: "FR", segment: "b2b", dueDate: "2024-04-01", events: [] }, "2026-03-02")).toBeNull();
    expect(approachingPrescription({ jurisdiction: "CH", segment: "b2b", dueDate: "2016-04-01", events: [] }, "2026-03-02")?.date).toBe("2026-04-01");
  });

  it("loads only invoices old enough to be near the shortest period", () => {
    expect(prescriptionCandidateCutoff("2026-03-02")).toBe("2024-06-01");
  });
});

describe("injonctionAlert", () => {
  it("warns in the last 30 days of the 6 months to serve the order, until it lapses", () => {
    expect(injonctionAlert("2025-09-15", null, "2026-03-02")).toMatchObject({ kind: "injonction_unserved", dueOn: "2026-03-15", payload: { daysLeft: 13 } });
    expect(injonctionAlert("2025-09-15", null, "2026-02-01")).toBeNull();
    expect(injonctionAlert("2025-09-15", null, "2026-03-16")).toBeNull();
    expect(injonctionAlert("2025-09-15", "2025-10-01", "2026-03-02")).toBeNull();
  });
});

describe("schkgContinuationAlert", () => {
  it("warns while the continuation may be requested: from the end of the 20-day payment period to one year after service", () => {
    expect(schkgContinuationAlert("2026-01-20", 0, "2026-03-02")).toMatchObject({ kind: "schkg_continuation", dueOn: "2027-01-20" });
    expect(schkgContinuationAlert("2026-01-20", 0, "2026-02-05")).toBeNull();
    expect(schkgContinuationAlert("2025-01-20", 0, "2026-03-02")).toBeNull();
    expect(schkgContinuationAlert(null, 0, "2026-03-02")).toBeNull();
  });
});
