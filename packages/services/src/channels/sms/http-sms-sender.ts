import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import { prepareSms, type PrepareSmsOptions } from "./prepare-sms.ts";
import type { HttpSmsSender, PreparedSms, SmsSendResult } from "./sms-message.ts";
import { SmsProviderError } from "./sms-provider-error.ts";

export interface HttpSmsSenderOptions extends PrepareSmsOptions {
  providerUrl: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled before each further one. */
  backoffMs: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const acceptedSchema = z.object({ id: z.union([z.string().min(1), z.number()]).transform(String), status: z.string() });

// 408 and 429 are 4xx but say "later", like a 5xx.
const isRetryableStatus = (status: number) => status >= 500 || status === 408 || status === 429;
const MAX_RETRY_AFTER_MS = 30_000;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The provider's explanation, from the usual JSON shapes or else the start of the body text. */
export const providerMessageOf = (body: string): string | null => {
  const json = parseJson(body);
  if (isRecord(json)) {
    const error = json.error;
    const candidates = [json.message, isRecord(error) ? error.message : error, json.detail, json.title];
    const found = candidates.find((value): value is string => typeof value === "string" && value.trim() !== "");
    if (found !== undefined) return found.trim();
  }
  const text = body.trim().slice(0, 300);
  return text === "" ? null : text;
};

const retryAfterMs = (response: Response): number | undefined => {
  const header = response.headers.get("retry-after");
  // Only the delay-seconds form; an HTTP-date falls back to our own backoff.
  const seconds = header === null || header.trim() === "" ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : undefined;
};

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure) is in its cause. */
const describeNetworkError = (error: unknown, timeoutMs: number): string => {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
};

type Attempt = { ok: true; result: { id: string; status: string } } | { ok: false; error: SmsProviderError; waitMs?: number };

const attempt = async (options: HttpSmsSenderOptions, sms: PreparedSms): Promise<Attempt> => {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let body: string;
  try {
    response = await doFetch(`${options.providerUrl.replace(/\/+$/, "")}/messages`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        "content-type": "application/json",
        accept: "application/json",
        // A 5xx may come after the provider queued the SMS: the key lets it drop our retry instead of sending twice.
        "idempotency-key": sms.reference,
      },
      body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    const reason = describeNetworkError(error, options.timeoutMs);
    return { ok: false, error: new SmsProviderError(`SMS provider unreachable: ${reason}`, { status: undefined, providerMessage: null, retryable: true }) };
  }
  const providerMessage = providerMessageOf(body);
  if (!response.ok) {
    const retryable = isRetryableStatus(response.status);
    const explanation = providerMessage === null ? "" : `: ${providerMessage}`;
    const message = `SMS provider ${retryable ? "failed" : "refused the message"} (HTTP ${response.status})${explanation}`;
    const error = new SmsProviderError(message, { status: response.status, providerMessage, retryable });
    const waitMs = retryAfterMs(response);
    return waitMs === undefined ? { ok: false, error } : { ok: false, error, waitMs };
  }
  const parsed = acceptedSchema.safeParse(parseJson(body));
  if (!parsed.success) {
    // Not retried: the provider may well have accepted the message, and a retry could send it twice.
    const error = new SmsProviderError("SMS provider answered without a message id and status", { status: response.status, providerMessage, retryable: false });
    return { ok: false, error };
  }
  return { ok: true, result: parsed.data };
};

/** POSTs `{ to, text, reference }` to `${providerUrl}/messages` with a bearer key; retries 5xx, 408, 429 and timeouts. */
export const createHttpSmsSender = (options: HttpSmsSenderOptions): HttpSmsSender => {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  return {
    mode: "http",
    async send(message): Promise<SmsSendResult> {
      const sms = prepareSms(message, options);
      for (let attemptNumber = 1; ; attemptNumber++) {
        const outcome = await attempt(options, sms);
        if (outcome.ok) return { ...outcome.result, to: sms.to, segments: sms.segments };
        if (!outcome.error.retryable || attemptNumber >= options.maxAttempts) throw outcome.error;
        await sleep(outcome.waitMs ?? options.backoffMs * 2 ** (attemptNumber - 1));
      }
    },
  };
};
