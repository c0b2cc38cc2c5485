import { describe, expect, it } from "vitest";
import * as domain from "../index.ts";

describe("collection exports", () => {
  it("reach the domain root without clashing with other modules", () => {
    for (const name of ["computeLatePenalties", "prescriptionDate", "schkgDeadlines", "nextDueSteps", "consolidateByDebtor", "scheduleSendTime", "renderTemplate", "DEFAULT_RATE_TABLES", "DEFAULT_POLICIES", "DEFAULT_TEMPLATES"]) {
      expect(domain, name).toHaveProperty(name);
    }
  });
});
