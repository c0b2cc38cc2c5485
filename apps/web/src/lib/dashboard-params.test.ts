import { describe, expect, it } from "vitest";
import { readDashboardFilters, snapshotRequestOf, writeDashboardFilters } from "./dashboard-params.ts";

const OWNER = "0b6c1c2e-6f2a-4a53-9a57-2b1f8f0f4c11";

describe("dashboard filters in the URL", () => {
  it("round-trip", () => {
    const filters = { ownerId: OWNER, segment: "b2c" as const, jurisdiction: "CH" as const, currency: "CHF" as const, asOf: "2026-03-31", from: "2026-01-01", to: "2026-03-31" };
    expect(readDashboardFilters(writeDashboardFilters(filters))).toEqual(filters);
  });
  it("drop what does not parse, and a period in the wrong order", () => {
    const read = readDashboardFilters(new URLSearchParams("owner=bob&segment=b2x&currency=USD&asOf=2026-02-30x&from=2026-03-01&to=2026-02-01"));
    expect(read).toEqual({ ownerId: null, segment: null, jurisdiction: null, currency: null, asOf: null, from: null, to: null });
    expect(readDashboardFilters(new URLSearchParams("owner=none")).ownerId).toBe("none");
  });
  it("ask for a period only when both ends are set", () => {
    const base = readDashboardFilters(new URLSearchParams("from=2026-01-01"));
    expect(snapshotRequestOf(base)).toEqual({ filters: { ownerId: null, segment: null, jurisdiction: null, currency: null } });
  });
});
