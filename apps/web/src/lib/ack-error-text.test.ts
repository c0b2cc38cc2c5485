import { describe, expect, it } from "vitest";
import { ackErrorText } from "./ack-error-text.ts";

const t = (key: string) => `«${key}»`;

describe("socket refusals shown to the user", () => {
  it("translates the generic refusals and keeps a validation message as the server wrote it", () => {
    expect(ackErrorText({ code: "FORBIDDEN", message: "Managers read the chat but do not post in it." }, t)).toBe("«errors.forbidden»");
    expect(ackErrorText({ code: "NOT_FOUND", message: "Case not found" }, t)).toBe("«errors.notFound»");
    expect(ackErrorText({ code: "BAD_REQUEST", message: "body: at most 10000 characters" }, t)).toBe("body: at most 10000 characters");
  });
});
