import { describe, expect, it } from "vitest";
import { fixedClock } from "../../deps.ts";
import { createMailer } from "./create-mailer.ts";
import type { OutboxEmail } from "./email-message.ts";

describe("createMailer without an SMTP URL", () => {
  it("validates, then hands the message to the outbox sink instead of sending it", async () => {
    const outbox: OutboxEmail[] = [];
    const clock = fixedClock(new Date("2026-03-02T09:00:00Z"));
    const mailer = createMailer({ smtpUrl: "  ", onOutbox: (email) => void outbox.push(email), clock });
    expect(mailer.mode).toBe("outbox");

    const result = await mailer.send({
      from: "relances@acme.fr",
      to: ["compta@client.fr", { name: "Jeanne Martin", address: "jeanne@client.fr" }],
      subject: "Relance",
      text: "Bonjour",
      attachments: [{ filename: "relance.pdf", content: Buffer.from("%PDF-1.7"), contentType: "application/pdf" }],
    });

    expect(result.accepted).toEqual(["compta@client.fr", "jeanne@client.fr"]);
    expect(result.rejected).toEqual([]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ messageId: result.messageId, subject: "Relance", recordedAt: new Date("2026-03-02T09:00:00Z") });
    expect(outbox[0]?.to[1]).toEqual({ name: "Jeanne Martin", address: "jeanne@client.fr" });
  });

  it("keeps the messages in memory when no sink is given", async () => {
    const mailer = createMailer();
    await mailer.send({ from: "relances@acme.fr", to: "compta@client.fr", subject: "Relance", text: "Bonjour" });
    expect(mailer.mode === "outbox" && mailer.recorded.map((email) => email.subject)).toEqual(["Relance"]);
  });

  it("refuses an invalid message before recording it", async () => {
    const outbox: OutboxEmail[] = [];
    const mailer = createMailer({ onOutbox: (email) => void outbox.push(email) });
    await expect(mailer.send({ from: "relances@acme.fr", to: "not-an-address", subject: "Relance", text: "Bonjour" })).rejects.toThrow(/^to: /);
    expect(outbox).toEqual([]);
  });

  it("refuses a URL of another scheme", () => {
    expect(() => createMailer({ smtpUrl: "http://mail.acme.fr" })).toThrow(/smtp:\/\//);
  });
});
