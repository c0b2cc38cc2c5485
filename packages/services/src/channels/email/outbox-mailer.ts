import type { Clock } from "../../deps.ts";
import type { OutboxEmail, OutboxMailer } from "./email-message.ts";
import { prepareEmail } from "./prepare-email.ts";

export type OutboxEmailSink = (email: OutboxEmail) => void | Promise<void>;

// Only a fallback for scripts and tests that pass no sink: capped so a long-running process cannot grow without bound.
const MAX_RECORDED = 1_000;

/**
 * Without an SMTP server (development, demo tenants) messages are validated exactly as for sending, then handed to
 * the sink, which the app stores to show "what would have been sent". Recipients count as accepted.
 */
export const createOutboxMailer = (onOutbox: OutboxEmailSink | undefined, clock: Clock): OutboxMailer => {
  const recorded: OutboxEmail[] = [];
  const sink: OutboxEmailSink =
    onOutbox ??
    ((email) => {
      recorded.push(email);
      if (recorded.length > MAX_RECORDED) recorded.shift();
    });
  return {
    mode: "outbox",
    recorded,
    async send(message) {
      const email = prepareEmail(message);
      await sink({ ...email, recordedAt: clock.now() });
      return { messageId: email.messageId, accepted: email.to.map((to) => to.address), rejected: [] };
    },
    close: () => undefined,
  };
};
