import { YJS_CLOSE_ACCESS_REVOKED, YJS_CLOSE_SESSION_ENDED } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { endedStatusOf } from "./collaborative-session.ts";

describe("what a notes connection's close says", () => {
  it("ends the editor for an ended session or a revoked access, and leaves any other close to the reconnection", () => {
    expect(endedStatusOf(YJS_CLOSE_SESSION_ENDED)).toBe("sessionEnded");
    expect(endedStatusOf(YJS_CLOSE_ACCESS_REVOKED)).toBe("noAccess");
    for (const code of [1000, 1001, 1006, 1011, 1013]) expect(endedStatusOf(code)).toBeNull();
  });
});
