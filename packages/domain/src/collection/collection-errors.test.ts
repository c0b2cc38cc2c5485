import { z } from "zod";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { missingCollectionData, parseOrThrow } from "./collection-errors.ts";

describe("collection errors", () => {
  const schema = z.object({ rows: z.array(z.object({ amount: z.number({ error: "must be a number" }) })) });

  it("returns the parsed value", () => {
    expect(parseOrThrow(schema, { rows: [{ amount: 1 }] }, "thing", "test.invalid")).toEqual({ rows: [{ amount: 1 }] });
  });

  it("throws a BAD_REQUEST listing each dotted, 0-based path", () => {
    try {
      parseOrThrow(schema, { rows: [{ amount: 1 }, { amount: "x" }] }, "thing", "test.invalid");
      expect.unreachable();
    } catch (error) {
      if (!isAppError(error)) throw error;
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe("Invalid thing: rows.1.amount: must be a number");
      expect(error.details).toEqual({ key: "test.invalid", fields: [{ path: "rows.1.amount", message: "must be a number" }] });
    }
  });

  it("leaves the path out of the message for a root issue", () => {
    expect(() => parseOrThrow(z.string({ error: "must be text" }), 1, "name", "test.invalid")).toThrow("Invalid name: must be text");
  });

  it("reports missing data as a precondition", () => {
    expect(missingCollectionData("no rate", "test.missing")).toMatchObject({ code: "PRECONDITION_FAILED", details: { key: "test.missing" } });
  });
});
