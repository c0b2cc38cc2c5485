import { describe, expect, it } from "vitest";
import { readCookie, serializeClearedSessionCookie, serializeSessionCookie } from "./session-cookie.ts";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "./session-tokens.ts";

describe("session cookie", () => {
  it("reads one cookie among others and ignores malformed encodings", () => {
    expect(readCookie("a=1; relance_session=abc; b=2", "relance_session")).toBe("abc");
    expect(readCookie("relance_session=%E0%A4%A", "relance_session")).toBeNull();
    expect(readCookie(undefined, "relance_session")).toBeNull();
  });

  it("serializes with HttpOnly, SameSite=Lax, Path=/ and Secure when asked", () => {
    const expires = new Date("2026-12-01T00:00:00Z");
    expect(serializeSessionCookie("tok", expires, false)).toBe(
      "relance_session=tok; HttpOnly; SameSite=Lax; Path=/; Expires=Tue, 01 Dec 2026 00:00:00 GMT",
    );
    expect(serializeSessionCookie("tok", expires, true)).toMatch(/; Secure$/);
    expect(serializeClearedSessionCookie(true)).toBe("relance_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Secure");
  });
});

describe("session tokens", () => {
  it("are 20 random bytes in base32 and hashed with SHA-256", () => {
    const token = generateSecretToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(generateSecretToken()).not.toBe(token);
    expect(hashSecretToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
