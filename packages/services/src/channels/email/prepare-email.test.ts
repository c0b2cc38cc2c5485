import { AppError } from "@relance/domain";
import { describe, expect, it } from "vitest";
import type { EmailMessage } from "./email-message.ts";
import { isRelanceMessageId } from "./message-id.ts";
import { normalizeEmailAddress, prepareEmail } from "./prepare-email.ts";

const message = (overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  from: { name: "Acme SAS — Relances", address: "relances@acme.fr" },
  to: "compta@client.fr",
  subject: "Relance facture F-2026-001",
  text: "Bonjour,",
  ...overrides,
});

const errorOf = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
};

describe("normalizeEmailAddress", () => {
  it.each(["compta@client.fr", "jean.dupont+relance@sous.domaine.ch", "o'brien@example.co.uk"])("accepts %s", (address) => {
    expect(normalizeEmailAddress(address, "to")).toBe(address);
  });

  it("puts an internationalized domain in punycode and lower case", () => {
    expect(normalizeEmailAddress("info@Zürich.CH", "to")).toBe("info@xn--zrich-kva.ch");
  });

  it.each(["", "compta", "compta@client", "a b@client.fr", "compta@@client.fr", ".compta@client.fr", "compta@-client.fr", "Jean <j@client.fr>"])(
    "rejects %j, naming the field",
    (address) => {
      const error = errorOf(() => normalizeEmailAddress(address, "to.1"));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/^to\.1: /);
      expect(error.details.fields?.[0]?.path).toBe("to.1");
    },
  );

  it("refuses an address smuggling a header", () => {
    expect(errorOf(() => normalizeEmailAddress("a@client.fr\r\nBcc: victim@example.com", "to")).message).toContain("line break");
  });
});

describe("prepareEmail", () => {
  it("folds line breaks in the subject and display names instead of letting them start a header", () => {
    const email = prepareEmail(message({ subject: "Relance\r\nBcc: victim@example.com", from: { name: "Acme\nX-Evil: 1", address: "relances@acme.fr" } }));
    expect(email.subject).toBe("Relance Bcc: victim@example.com");
    expect(email.from.name).toBe("Acme X-Evil: 1");
  });

  it("generates one of our Message-IDs on the sender's domain unless one is given", () => {
    expect(isRelanceMessageId(prepareEmail(message()).messageId)).toBe(true);
    expect(prepareEmail(message()).messageId).toMatch(/@acme\.fr>$/);
    expect(prepareEmail(message({ headers: { "Message-ID": "<case-42@acme.fr>" } })).messageId).toBe("<case-42@acme.fr>");
  });

  it("checks every recipient and names the one at fault", () => {
    expect(errorOf(() => prepareEmail(message({ to: ["ok@client.fr", "broken"] }))).details.fields?.[0]?.path).toBe("to.1");
    expect(errorOf(() => prepareEmail(message({ to: [] }))).message).toBe("to: at least one recipient is required");
    expect(errorOf(() => prepareEmail(message({ replyTo: "nope" }))).message).toMatch(/^replyTo: /);
  });

  it("sanitizes extra headers and refuses those the mailer owns", () => {
    const email = prepareEmail(message({ headers: { "In-Reply-To": "<a@b.fr>\r\nBcc: x@y.fr", "X-Case": "42" } }));
    expect(email.headers).toEqual({ "In-Reply-To": "<a@b.fr> Bcc: x@y.fr", "X-Case": "42" });
    expect(errorOf(() => prepareEmail(message({ headers: { Bcc: "x@y.fr" } }))).message).toMatch(/^headers\.Bcc: /);
    expect(errorOf(() => prepareEmail(message({ headers: { "Bad Name": "1" } }))).message).toMatch(/not a valid header name/);
    expect(errorOf(() => prepareEmail(message({ headers: { "Message-ID": "no-brackets" } }))).message).toMatch(/^headers\.Message-ID: /);
  });

  it("requires a subject and a text, and checks attachments", () => {
    expect(errorOf(() => prepareEmail(message({ subject: " \r\n " }))).message).toBe("subject: is required");
    expect(errorOf(() => prepareEmail(message({ text: "" }))).message).toBe("text: is required");
    const attachment = { filename: "../relance\r\n.pdf", content: Buffer.from("%PDF"), contentType: "application/pdf" };
    expect(prepareEmail(message({ attachments: [attachment] })).attachments[0]?.filename).toBe(".._relance .pdf");
    expect(errorOf(() => prepareEmail(message({ attachments: [{ ...attachment, contentType: "pdf" }] }))).message).toMatch(/^attachments\.0\.contentType: /);
  });
});
