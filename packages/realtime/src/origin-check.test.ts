import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin-check.ts";

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("isAllowedOrigin", () => {
  it("accepts the origin of the host the request was sent to", () => {
    expect(isAllowedOrigin(req({ host: "localhost:3000", origin: "http://localhost:3000" }), [])).toBe(true);
  });
  it("accepts a configured public origin", () => {
    expect(isAllowedOrigin(req({ host: "10.0.0.5:3000", origin: "https://relance.example.com" }), ["https://relance.example.com"])).toBe(true);
  });
  it("refuses a foreign, missing or malformed Origin", () => {
    expect(isAllowedOrigin(req({ host: "localhost:3000", origin: "http://evil.example" }), [])).toBe(false);
    expect(isAllowedOrigin(req({ host: "localhost:3000" }), [])).toBe(false);
    expect(isAllowedOrigin(req({ host: "localhost:3000", origin: "null" }), [])).toBe(false);
    expect(isAllowedOrigin(req({ host: "localhost:3000", origin: "http://localhost:3000.evil.example" }), [])).toBe(false);
  });
});
