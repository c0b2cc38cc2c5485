import { AppError, type Ack } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { socketHandler, type Logger } from "./socket-handler.ts";

const logged: string[] = [];
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (msg) => logged.push(msg) };
const payload = z.object({ caseId: z.uuid("caseId must be a case id") }).strict();

const answer = async (run: () => Promise<unknown>, input: unknown): Promise<Ack<unknown>> => {
  let result: Ack<unknown> | undefined;
  await socketHandler(payload, run, logger, "chat:send")(input, (r: Ack<unknown>) => {
    result = r;
  });
  return result!;
};
const caseId = "6f1d3a52-0a7c-4b8e-9d35-2f0c4a1e9b77";

describe("socket acknowledgments", () => {
  it("carries a domain refusal's code, message and translation key", async () => {
    const refused = await answer(async () => {
      throw new AppError("FORBIDDEN", "Managers read the case chat but do not post in it.", { key: "chat.readOnly" });
    }, { caseId });
    expect(refused).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Managers read the case chat but do not post in it.", key: "chat.readOnly" } });
  });

  it("answers null for the key when the refusal has none, a malformed payload, or an unexpected failure", async () => {
    expect(await answer(async () => {
      throw new AppError("CONFLICT", "Already there.");
    }, { caseId })).toEqual({ ok: false, error: { code: "CONFLICT", message: "Already there.", key: null } });
    expect(await answer(async () => "never", { caseId: "nope" })).toEqual({
      ok: false,
      error: { code: "BAD_REQUEST", message: "Invalid chat:send payload: caseId: caseId must be a case id", key: null },
    });
    const internal = await answer(async () => {
      throw new Error("connection reset");
    }, { caseId });
    expect(internal).toMatchObject({ ok: false, error: { code: "INTERNAL", key: null } });
    expect(internal.ok || internal.error.message).toMatch(/^Something went wrong on our side \(request [0-9a-f-]{36}\)\.$/);
    expect(logged).toEqual(["socket handler failed"]);
  });

  it("answers the handler's data when it succeeds", async () => {
    expect(await answer(async () => ({ seq: 3 }), { caseId })).toEqual({ ok: true, data: { seq: 3 } });
  });
});
