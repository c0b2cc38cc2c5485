import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrg, TEST_PASSWORD } from "@relance/services/testing";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: t.origin, ...headers },
    body: JSON.stringify(body),
  });

describe("HTTP surface", () => {
  it("reports health with the database mode", async () => {
    const res = await fetch(`${t.origin}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "embedded" });
  });

  it("refuses a state-changing request from a foreign or missing Origin before running it", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const member = await buildMember(t.fixtures.deps, org, "credit_manager");
    const foreign = await post("/trpc/auth.signIn", { email: member.email, password: TEST_PASSWORD }, { origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    const missing = await fetch(`${t.origin}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: member.email, password: TEST_PASSWORD }),
    });
    expect(missing.status).toBe(403);
  });

  it("signs in with an HttpOnly, SameSite=Lax, Path=/ cookie, not Secure on localhost", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const member = await buildMember(t.fixtures.deps, org, "credit_manager");
    const res = await post("/trpc/auth.signIn", { email: member.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^relance_session=[a-z2-7]{32};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
    const me = await fetch(`${t.origin}/trpc/auth.me`, { headers: { cookie: cookie.split(";")[0]! } });
    const body = (await me.json()) as { result: { data: { user: { email: string }; org: { id: string } } } };
    expect(body.result.data.user.email).toBe(member.email);
    expect(body.result.data.org.id).toBe(org.id);
  });

  it("marks the cookie Secure outside localhost", async () => {
    const org = await buildOrg(t.fixtures.deps);
    const member = await buildMember(t.fixtures.deps, org, "billing");
    // fetch cannot set Host: a raw request can, as a reverse proxy would
    const res = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      const req = request(
        `${t.origin}/trpc/auth.signIn`,
        { method: "POST", headers: { host: "relance.example.com", origin: "https://relance.example.com", "content-type": "application/json" } },
        (r) => {
          r.resume();
          resolve({ status: r.statusCode ?? 0, cookie: String(r.headers["set-cookie"] ?? "") });
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ email: member.email, password: TEST_PASSWORD }));
    });
    expect(res.status).toBe(200);
    expect(res.cookie).toContain("Secure");
  });

  it("answers malformed input with BAD_REQUEST naming the fields, never a 500", async () => {
    const res = await post("/trpc/auth.signIn", { email: 42 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { code: string; fields: { path: string }[] } } };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.fields.map((f) => f.path).sort()).toEqual(["email", "password"]);
    expect(body.error.message).toContain("email");
  });

  it("answers an unknown session with UNAUTHORIZED", async () => {
    const res = await fetch(`${t.origin}/trpc/receivables.summary`, { headers: { cookie: "relance_session=abcdefghijklmnopqrstuvwxyz234567" } });
    expect(res.status).toBe(401);
  });

  it("serves the SPA shell for client routes and 404s missing assets", async () => {
    const asset = await fetch(`${t.origin}/assets/nope-123.js`);
    expect(asset.status).toBe(404);
    const page = await fetch(`${t.origin}/debtors`);
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
