import { AppError } from "@relance/domain";
import { createTransport } from "nodemailer";
import type { PreparedEmail, SmtpMailer } from "./email-message.ts";
import { prepareEmail } from "./prepare-email.ts";

/** The SMTP server's refusal (or silence), with what the engine needs to decide between retrying and giving up. */
export class EmailDeliveryError extends AppError {
  /** SMTP reply code when the server answered (e.g. 550), else undefined (connection failure, timeout). */
  readonly responseCode: number | undefined;
  /** A 5xx reply: retrying the same message will fail the same way. */
  readonly permanent: boolean;

  constructor(message: string, responseCode: number | undefined) {
    const permanent = responseCode !== undefined && responseCode >= 500;
    super(permanent ? "BAD_REQUEST" : "INTERNAL", message, { key: "channels.emailNotSent" });
    this.name = "EmailDeliveryError";
    this.responseCode = responseCode;
    this.permanent = permanent;
  }
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

// nodemailer waits up to 2 min to connect and 10 min on an idle socket: far too long for a batch of reminders.
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 60_000 };

const formatAddress = ({ name, address }: { name: string; address: string }) => (name === "" ? address : { name, address });

const toMailOptions = (email: PreparedEmail) => ({
  messageId: email.messageId,
  from: formatAddress(email.from),
  to: email.to.map(formatAddress),
  ...(email.replyTo === undefined ? {} : { replyTo: formatAddress(email.replyTo) }),
  subject: email.subject,
  text: email.text,
  ...(email.html === undefined ? {} : { html: email.html }),
  attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  headers: email.headers,
});

const describeFailure = (error: unknown): EmailDeliveryError => {
  const detail = error as { message?: string; responseCode?: number; response?: string };
  const reason = detail.response ?? detail.message ?? String(error);
  return new EmailDeliveryError(`E-mail could not be sent: ${reason}`, detail.responseCode);
};

/** The URL carries host, port, credentials and TLS (`smtps://` or STARTTLS); its query may override the timeouts. */
export const createSmtpMailer = (smtpUrl: string, timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS): SmtpMailer => {
  if (!/^smtps?:\/\//i.test(smtpUrl)) throw new Error("smtpUrl must start with smtp:// or smtps://");
  const transport = createTransport({
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    url: smtpUrl,
  });
  return {
    mode: "smtp",
    async send(message) {
      const email = prepareEmail(message);
      try {
        const info = await transport.sendMail(toMailOptions(email));
        return { messageId: info.messageId, accepted: info.accepted.map(String), rejected: info.rejected.map(String) };
      } catch (error) {
        throw describeFailure(error);
      }
    },
    close: () => transport.close(),
  };
};
