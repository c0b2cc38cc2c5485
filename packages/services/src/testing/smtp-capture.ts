import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  rcptTo: string[];
  raw: Buffer;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for the mailer. */
  url: string;
  /** Every message the server accepted, in order. */
  received: CapturedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps what it receives, for tests of the e-mail paths. */
export const startSmtpCapture = async (): Promise<SmtpCapture> => {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
