import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSmsSender } from "./create-sms-sender.ts";
import { SmsProviderError } from "./sms-provider-error.ts";

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What the fake provider answers to each request in turn; `hang` never answers (a timeout). */
type Scripted = { status: number; body: unknown; headers?: Record<string, string> } | "hang";

let server: Server;
let baseUrl: string;
const requests: RecordedRequest[] = [];
let script: Scripted[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      const next = script.shift() ?? { status: 500, body: { message: "script exhausted" } };
      if (next === "hang") return;
      response.writeHead(next.status, { "content-type": "application/json", ...next.headers });
      response.end(typeof next.body === "string" ? next.body : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
  script = [];
});

const waits: number[] = [];
const sender = () => {
  waits.length = 0;
  return createSmsSender({
    providerUrl: baseUrl,
    apiKey: "test-key",
    timeoutMs: 300,
    backoffMs: 50,
    sleep: async (ms) => void waits.push(ms),
  });
};

const message = { to: "06 12 34 56 78", text: "Rappel : la facture F-2026-001 (1 250,00 €) est échue.", reference: "action-42" };

describe("HTTP SMS sender against a local fake provider", () => {
  it("POSTs the normalized message as JSON with the bearer key and returns the provider's id and status", async () => {
    script = [{ status: 202, body: { id: "msg-1", status: "queued" } }];
    const result = await sender().send(message);

    expect(result).toMatchObject({ id: "msg-1", status: "queued", to: "+33612345678", segments: { encoding: "GSM-7", segments: 1 } });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v1/messages");
    expect(request?.headers.authorization).toBe("Bearer test-key");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["idempotency-key"]).toBe("action-42");
    expect(request?.body).toEqual({ to: "+33612345678", text: message.text, reference: "action-42" });
  });

  it("retries after a 500 and succeeds on the next attempt", async () => {
    script = [
      { status: 500, body: { message: "upstream hiccup" } },
      { status: 200, body: { id: "msg-2", status: "sent" } },
    ];
    const result = await sender().send(message);
    expect(result).toMatchObject({ id: "msg-2", status: "sent" });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body).toEqual(requests[0]?.body);
    expect(waits).toEqual([50]);
  });

  it("retries a request that timed out", async () => {
    script = ["hang", { status: 200, body: { id: "msg-3", status: "queued" } }];
    expect(await sender().send(message)).toMatchObject({ id: "msg-3" });
    expect(requests).toHaveLength(2);
  });

  it("surfaces a 400 at once, with the provider's message", async () => {
    script = [{ status: 400, body: { error: { code: "invalid_number", message: "Destination is not a mobile number" } } }];
    const sending = sender().send(message);
    await expect(sending).rejects.toBeInstanceOf(SmsProviderError);
    await expect(sending).rejects.toMatchObject({
      message: "SMS provider refused the message (HTTP 400): Destination is not a mobile number",
      providerMessage: "Destination is not a mobile number",
      status: 400,
      retryable: false,
      code: "BAD_REQUEST",
    });
    expect(requests).toHaveLength(1);
  });

  it("gives up after the last attempt, doubling the wait and honouring Retry-After", async () => {
    script = [
      { status: 503, body: "Service Unavailable", headers: { "content-type": "text/plain" } },
      { status: 429, body: { message: "slow down" }, headers: { "retry-after": "2" } },
      { status: 502, body: { message: "bad gateway" } },
    ];
    await expect(sender().send(message)).rejects.toMatchObject({ status: 502, retryable: true, code: "INTERNAL", providerMessage: "bad gateway" });
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([50, 2_000]);
  });

  it("retries when nothing listens, then says why it gave up", async () => {
    const unreachable = createSmsSender({ providerUrl: "http://127.0.0.1:1", apiKey: "k", maxAttempts: 2, sleep: async () => undefined });
    await expect(unreachable.send(message)).rejects.toMatchObject({ retryable: true, status: undefined, message: /^SMS provider unreachable: .*ECONNREFUSED/ });
  });

  it("does not retry a success whose body it cannot read, as the SMS may have gone", async () => {
    script = [{ status: 200, body: { ok: true } }];
    await expect(sender().send(message)).rejects.toMatchObject({ retryable: false, message: /without a message id/ });
    expect(requests).toHaveLength(1);
  });
});
