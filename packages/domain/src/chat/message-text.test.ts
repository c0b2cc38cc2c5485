import { describe, expect, it } from "vitest";
import { mentionIdsOf, plainTextOf, segmentMessage } from "./message-text.ts";

const A = "0b5b7c1e-1111-4a2b-8c3d-000000000001";
const B = "0b5b7c1e-1111-4a2b-8c3d-000000000002";

describe("message text", () => {
  it("lists each mentioned id once, in order", () => {
    expect(mentionIdsOf(`<@${B}> and <@${A}>, again <@${B}>`)).toEqual([B, A]);
    expect(mentionIdsOf("<@not-an-id> @someone")).toEqual([]);
  });

  it("splits text, http(s) links and mentions, leaving anything else as text", () => {
    const names = new Map([[A, "Sophie Bernard"]]);
    expect(segmentMessage(`Hi <@${A}>, see https://example.com/a?b=1. Or <@${B}> javascript:alert(1) <b>x</b>`, names)).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", userId: A, displayName: "Sophie Bernard" },
      { kind: "text", text: ", see " },
      { kind: "link", href: "https://example.com/a?b=1" },
      { kind: "text", text: ". Or " },
      { kind: "mention", userId: B, displayName: null },
      { kind: "text", text: " javascript:alert(1) <b>x</b>" },
    ]);
  });

  it("writes mentions as names in plain text", () => {
    expect(plainTextOf(`<@${A}> please call`, new Map([[A, "Sophie"]]))).toBe("@Sophie please call");
  });
});
