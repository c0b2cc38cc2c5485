import { systemClock, type Clock } from "../../deps.ts";
import { createHttpSmsSender } from "./http-sms-sender.ts";
import { createOutboxSmsSender, type OutboxSmsSink } from "./outbox-sms-sender.ts";
import type { PhoneCountry } from "./phone-number.ts";
import { DEFAULT_MAX_SMS_SEGMENTS } from "./prepare-sms.ts";
import type { SmsSender } from "./sms-message.ts";

export interface SmsSenderOptions {
  /** Base URL of the provider's API; absent or blank → outbox mode. */
  providerUrl?: string;
  apiKey?: string;
  /** Receives each message in outbox mode; without it, messages are kept in `recorded`. */
  onOutbox?: OutboxSmsSink;
  /** Country of numbers written without a country code (the tenant's). */
  defaultCountry?: PhoneCountry;
  maxSegments?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  clock?: Clock;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** An HTTP adapter when a provider URL is configured, else an outbox that records what would have been sent. */
export const createSmsSender = (options: SmsSenderOptions = {}): SmsSender => {
  const prepare = { defaultCountry: options.defaultCountry ?? "FR", maxSegments: options.maxSegments ?? DEFAULT_MAX_SMS_SEGMENTS };
  const providerUrl = options.providerUrl?.trim() ?? "";
  if (providerUrl === "") return createOutboxSmsSender(options.onOutbox, options.clock ?? systemClock, prepare);
  if (!/^https?:\/\//i.test(providerUrl)) throw new Error("providerUrl must start with http:// or https://");
  const apiKey = options.apiKey?.trim() ?? "";
  if (apiKey === "") throw new Error("apiKey is required with a providerUrl");
  return createHttpSmsSender({
    ...prepare,
    providerUrl,
    apiKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAttempts: options.maxAttempts ?? 3,
    backoffMs: options.backoffMs ?? 500,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
};
