import { describe, expect, it } from "vitest";
import { decodeMentions, encodeMentions, matchMembers, mentionQueryAt } from "./mention-draft.ts";

const sophie = { userId: "0b5b7c1e-1111-4a2b-8c3d-000000000001", displayName: "Sophie Bernard" };
const thomas = { userId: "0b5b7c1e-1111-4a2b-8c3d-000000000002", displayName: "Thomas Roux" };

describe("mention drafts", () => {
  it("finds the @query before the caret, not an e-mail address", () => {
    expect(mentionQueryAt("Hi @tho", 7)).toEqual({ start: 3, query: "tho" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail me at a@b", 14)).toBeNull();
  });

  it("matches any word of a name, ignoring accents and case", () => {
    expect(matchMembers([sophie, thomas], "rou")).toEqual([thomas]);
    expect(matchMembers([{ userId: "x", displayName: "Émilie Dupré" }], "emi")).toHaveLength(1);
  });

  it("encodes picked mentions as ids and decodes them back to names", () => {
    const body = encodeMentions("@Thomas Roux and @Sophie Bernard, see @Nobody", [sophie, thomas]);
    expect(body).toBe(`<@${thomas.userId}> and <@${sophie.userId}>, see @Nobody`);
    expect(decodeMentions(body, [sophie, thomas])).toEqual({ text: "@Thomas Roux and @Sophie Bernard, see @Nobody", picked: [thomas, sophie] });
  });
});
