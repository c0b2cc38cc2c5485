import { describe, expect, it } from "vitest";
import { containsPattern, escapeLike, prefixPattern } from "./like-pattern.ts";

describe("LIKE patterns", () => {
  it("take %, _ and the escape character literally", () => {
    expect(escapeLike("50% off_now\\x")).toBe("50\\% off\\_now\\\\x");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
    expect(prefixPattern("F-2026%")).toBe("F-2026\\%%");
  });
});
