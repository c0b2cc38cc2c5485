import { systemClock, type Clock } from "../../deps.ts";
import type { Mailer } from "./email-message.ts";
import { createOutboxMailer, type OutboxEmailSink } from "./outbox-mailer.ts";
import { createSmtpMailer, DEFAULT_SMTP_TIMEOUTS, type SmtpTimeouts } from "./smtp-mailer.ts";

export interface MailerOptions {
  /**
   * `smtp://user:pass@host:587` or `smtps://…:465`; absent or blank (an unset env variable) → outbox mode. Its query
   * may add nodemailer options, e.g. `?pool=true` to reuse connections over a batch.
   */
  smtpUrl?: string;
  /** Receives each message in outbox mode (the app stores it); without it, messages are kept in `recorded`. */
  onOutbox?: OutboxEmailSink;
  clock?: Clock;
  timeouts?: Partial<SmtpTimeouts>;
}

/** An SMTP mailer when a URL is configured, else an outbox that records what would have been sent. */
export const createMailer = (options: MailerOptions = {}): Mailer => {
  const smtpUrl = options.smtpUrl?.trim() ?? "";
  if (smtpUrl !== "") return createSmtpMailer(smtpUrl, { ...DEFAULT_SMTP_TIMEOUTS, ...options.timeouts });
  return createOutboxMailer(options.onOutbox, options.clock ?? systemClock);
};
