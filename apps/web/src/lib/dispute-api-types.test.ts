import { describe, expect, it } from "vitest";
import { formatClock } from "./dispute-api-types.ts";

describe("formatClock", () => {
  it("shows hours, minutes and seconds, and days when there are any", () => {
    expect(formatClock(0, "d")).toBe("00:00:00");
    expect(formatClock(3_723_000, "d")).toBe("01:02:03");
    expect(formatClock(2 * 86_400_000 + 5_000, "j")).toBe("2 j 00:00:05");
    expect(formatClock(-5, "d")).toBe("00:00:00");
  });
});
