import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFrenchB2bLetter } from "../letters/letter-fixtures.ts";
import { renderLetterPdf } from "../letters/render-letter-pdf.ts";
import { createMailer } from "./create-mailer.ts";
import { isRelanceMessageId } from "./message-id.ts";
import { EmailDeliveryError } from "./smtp-mailer.ts";

interface Received {
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
}

const received: Received[] = [];
let server: SMTPServer;
let smtpUrl: string;
let pdfBytes: Buffer;

const envelopeAddress = (address: SMTPServerAddress | false) => (address === false ? "" : address.address);

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    // No certificate in a test: nodemailer would otherwise upgrade with STARTTLS and fail on the self-signed one.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("unknown@")) {
        callback(Object.assign(new Error("5.1.1 Mailbox does not exist"), { responseCode: 550 }));
      } else {
        callback();
      }
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          mailFrom: envelopeAddress(session.envelope.mailFrom),
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // A real letter: compressed binary streams that any text treatment on the way would damage.
  pdfBytes = await renderLetterPdf(buildFrenchB2bLetter());
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});


describe("SMTP mailer against a local server", () => {
  it("delivers subject, recipients, body and a PDF attachment byte for byte", async () => {
    const mailer = createMailer({ smtpUrl });
    expect(mailer.mode).toBe("smtp");
    const result = await mailer.send({
      from: { name: "Acme SAS — Service relances", address: "relances@acme.fr" },
      to: ["compta@client.fr", { name: "Jeanne Martin", address: "jeanne.martin@client.fr" }],
      subject: "Relance : facture n° F-2026-001 échue (1 250,00 €)",
      text: "Bonjour,\n\nSauf erreur de notre part, la facture F-2026-001 reste impayée.\n",
      html: "<p>Bonjour,</p><p>Sauf erreur de notre part, la facture F-2026-001 reste impayée.</p>",
      attachments: [{ filename: "relance-F-2026-001.pdf", content: pdfBytes, contentType: "application/pdf" }],
      headers: { "X-Relance-Case": "case-42" },
    });
    mailer.close();

    expect(result.accepted).toEqual(["compta@client.fr", "jeanne.martin@client.fr"]);
    expect(result.rejected).toEqual([]);
    expect(isRelanceMessageId(result.messageId)).toBe(true);

    const delivery = received.at(-1)!;
    expect(delivery.mailFrom).toBe("relances@acme.fr");
    expect(delivery.rcptTo).toEqual(["compta@client.fr", "jeanne.martin@client.fr"]);

    const mail = await simpleParser(delivery.raw);
    expect(mail.subject).toBe("Relance : facture n° F-2026-001 échue (1 250,00 €)");
    expect(mail.messageId).toBe(result.messageId);
    expect(mail.from?.value).toEqual([{ name: "Acme SAS — Service relances", address: "relances@acme.fr" }]);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((list) => list?.value.map((address) => address.address) ?? [])).toEqual(["compta@client.fr", "jeanne.martin@client.fr"]);
    expect(mail.text).toBe("Bonjour,\n\nSauf erreur de notre part, la facture F-2026-001 reste impayée.\n");
    expect(mail.headers.get("x-relance-case")).toBe("case-42");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe("relance-F-2026-001.pdf");
    expect(mail.attachments[0]?.contentType).toBe("application/pdf");
    expect(Buffer.compare(mail.attachments[0]!.content, pdfBytes)).toBe(0);
  });

  it("reports a recipient the server refused while delivering to the others", async () => {
    const mailer = createMailer({ smtpUrl });
    const result = await mailer.send({ from: "relances@acme.fr", to: ["compta@client.fr", "unknown@client.fr"], subject: "Relance", text: "Bonjour" });
    mailer.close();
    expect(result.accepted).toEqual(["compta@client.fr"]);
    expect(result.rejected).toEqual(["unknown@client.fr"]);
  });

  it("throws a permanent delivery error when every recipient is refused", async () => {
    const mailer = createMailer({ smtpUrl });
    const sending = mailer.send({ from: "relances@acme.fr", to: "unknown@client.fr", subject: "Relance", text: "Bonjour" });
    await expect(sending).rejects.toBeInstanceOf(EmailDeliveryError);
    await expect(sending).rejects.toMatchObject({ permanent: true, responseCode: 550, code: "BAD_REQUEST" });
    mailer.close();
  });

  it("throws a transient delivery error when nothing listens", async () => {
    const mailer = createMailer({ smtpUrl: "smtp://127.0.0.1:1", timeouts: { connectionMs: 2_000 } });
    await expect(mailer.send({ from: "relances@acme.fr", to: "compta@client.fr", subject: "Relance", text: "Bonjour" })).rejects.toMatchObject({
      permanent: false,
      code: "INTERNAL",
    });
    mailer.close();
  });
});
