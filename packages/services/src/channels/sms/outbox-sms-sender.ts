import { randomUUID } from "node:crypto";
import type { Clock } from "../../deps.ts";
import { prepareSms, type PrepareSmsOptions } from "./prepare-sms.ts";
import type { OutboxSms, OutboxSmsSender } from "./sms-message.ts";

export type OutboxSmsSink = (sms: OutboxSms) => void | Promise<void>;

// Only a fallback for scripts and tests that pass no sink: capped so a long-running process cannot grow without bound.
const MAX_RECORDED = 1_000;

/** Without a provider, messages are validated as for sending and handed to the sink ("what would have been sent"). */
export const createOutboxSmsSender = (onOutbox: OutboxSmsSink | undefined, clock: Clock, options: PrepareSmsOptions): OutboxSmsSender => {
  const recorded: OutboxSms[] = [];
  const sink: OutboxSmsSink =
    onOutbox ??
    ((sms) => {
      recorded.push(sms);
      if (recorded.length > MAX_RECORDED) recorded.shift();
    });
  return {
    mode: "outbox",
    recorded,
    async send(message) {
      const sms = prepareSms(message, options);
      const id = `outbox-${randomUUID()}`;
      await sink({ ...sms, id, recordedAt: clock.now() });
      return { id, status: "recorded", to: sms.to, segments: sms.segments };
    },
  };
};
