/** What the dunning engine hands to a mailer, and what it gets back. */

export interface NamedAddress {
  name: string;
  address: string;
}

/** A bare address (`compta@client.fr`) or a display name with one; never the raw `Name <addr>` form, which we would have to parse. */
export type EmailAddress = string | NamedAddress;

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** `Message-ID` is ours to choose so a later bounce or reply can be traced back; the others thread a conversation. */
export type EmailHeaders = {
  "Message-ID"?: string;
  "In-Reply-To"?: string;
  References?: string;
} & Record<string, string | undefined>;

export interface EmailMessage {
  from: EmailAddress;
  to: EmailAddress | readonly EmailAddress[];
  replyTo?: EmailAddress;
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly EmailAttachment[];
  headers?: EmailHeaders;
}

/** A message after validation: addresses checked and split, header values free of line breaks, a Message-ID set. */
export interface PreparedEmail {
  messageId: string;
  from: NamedAddress;
  to: NamedAddress[];
  replyTo?: NamedAddress;
  subject: string;
  text: string;
  html?: string;
  attachments: EmailAttachment[];
  /** Extra headers, Message-ID excluded (it is `messageId`). */
  headers: Record<string, string>;
}

/** What the outbox callback receives: the message that would have been sent, and when. */
export interface OutboxEmail extends PreparedEmail {
  recordedAt: Date;
}

export interface SendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

interface MailerBase {
  send(message: EmailMessage): Promise<SendResult>;
  /** Releases the SMTP connection(s); a no-op for the outbox. */
  close(): void;
}

export interface SmtpMailer extends MailerBase {
  readonly mode: "smtp";
}

/** Used when no SMTP server is configured: messages are validated and recorded, never sent. */
export interface OutboxMailer extends MailerBase {
  readonly mode: "outbox";
  /** The latest messages, only when no `onOutbox` sink was given (scripts, tests); empty otherwise. */
  readonly recorded: readonly OutboxEmail[];
}

export type Mailer = SmtpMailer | OutboxMailer;
