import { describe, expect, it } from "vitest";
import { parseDeliveryStatus } from "./parse-delivery-status.ts";

const OUR_ID = "<relance.6f1c1a52-3b0e-4a8e-9a57-0d7c2b1e9f10@acme.fr>";
const crlf = (...lines: string[]) => lines.join("\r\n");

const postfixBounce = crlf(
  "Return-Path: <>",
  "From: MAILER-DAEMON@mx.acme.fr (Mail Delivery System)",
  "To: relances@acme.fr",
  "Subject: Undelivered Mail Returned to Sender",
  "Auto-Submitted: auto-replied",
  "MIME-Version: 1.0",
  "Content-Type: multipart/report; report-type=delivery-status;",
  '\tboundary="7A1B2C3D.1762070400/mx.acme.fr"',
  "",
  "This is a MIME-encapsulated message.",
  "",
  "--7A1B2C3D.1762070400/mx.acme.fr",
  "Content-Description: Notification",
  "Content-Type: text/plain; charset=us-ascii",
  "",
  "I'm sorry to have to inform you that your message could not",
  "be delivered to one or more recipients.",
  "Status: 2.0.0 (this line is prose, not the report)",
  "",
  "--7A1B2C3D.1762070400/mx.acme.fr",
  "Content-Description: Delivery report",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.acme.fr",
  "X-Postfix-Queue-ID: 7A1B2C3D",
  "Arrival-Date: Mon,  2 Nov 2026 10:00:00 +0100 (CET)",
  "",
  "Final-Recipient: rfc822; compta@client.fr",
  "Original-Recipient: rfc822;compta@client.fr",
  "Action: failed",
  "Status: 5.1.1",
  "Remote-MTA: dns; mail.client.fr",
  "Diagnostic-Code: smtp; 550 5.1.1 <compta@client.fr>: Recipient address",
  "    rejected: User unknown in virtual mailbox table",
  "",
  "--7A1B2C3D.1762070400/mx.acme.fr",
  "Content-Description: Undelivered Message Headers",
  "Content-Type: text/rfc822-headers",
  "",
  "From: Acme SAS <relances@acme.fr>",
  "To: compta@client.fr",
  "Subject: Relance facture F-2026-001",
  `Message-ID: ${OUR_ID}`,
  "",
  "--7A1B2C3D.1762070400/mx.acme.fr--",
  "",
);

describe("parseDeliveryStatus: delivery-status reports", () => {
  it("reads a permanent failure: recipient, status, diagnostic and our Message-ID from the returned headers", async () => {
    expect(await parseDeliveryStatus(postfixBounce)).toEqual({
      kind: "bounce",
      originalMessageId: OUR_ID,
      recipient: "compta@client.fr",
      status: "5.1.1",
      diagnostic: "550 5.1.1 <compta@client.fr>: Recipient address rejected: User unknown in virtual mailbox table",
      permanent: true,
    });
  });

  it("accepts the report as bytes", async () => {
    expect((await parseDeliveryStatus(Buffer.from(postfixBounce)))?.kind).toBe("bounce");
  });

  it("reads a delay warning, with the original returned as a base64 message/rfc822 part", async () => {
    const original = crlf(`Message-ID: ${OUR_ID}`, "Subject: Relance", "", "Bonjour,");
    const raw = crlf(
      "From: postmaster@relay.example.ch",
      'Content-Type: multipart/report; report-type="delivery-status"; boundary=b1',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Delivery is delayed.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns;relay.example.ch",
      "",
      "Final-Recipient: rfc822;buchhaltung@kunde.ch",
      "Action: delayed",
      "Status: 4.4.7",
      "Diagnostic-Code: smtp;451 4.4.7 Mailbox temporarily unavailable",
      "",
      "--b1",
      "Content-Type: message/rfc822",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(original).toString("base64"),
      "--b1--",
    );
    expect(await parseDeliveryStatus(raw)).toEqual({
      kind: "delay",
      originalMessageId: OUR_ID,
      recipient: "buchhaltung@kunde.ch",
      status: "4.4.7",
      diagnostic: "451 4.4.7 Mailbox temporarily unavailable",
      permanent: false,
    });
  });

  it("prefers the failed recipient among several, and ignores a report of successful delivery", async () => {
    const report = (blocks: string[]) =>
      crlf(
        "Content-Type: multipart/report; report-type=delivery-status; boundary=zz",
        "",
        "--zz",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.acme.fr",
        "",
        ...blocks,
        "--zz--",
      );
    const delivered = crlf("Final-Recipient: rfc822; a@client.fr", "Action: delivered", "Status: 2.0.0", "");
    const failed = crlf("Final-Recipient: rfc822; b@client.fr", "Action: failed", "Status: 5.2.2 (mailbox full)", "");
    expect(await parseDeliveryStatus(report([delivered, failed]))).toMatchObject({
      kind: "bounce",
      recipient: "b@client.fr",
      status: "5.2.2",
      diagnostic: null,
      originalMessageId: null,
    });
    expect(await parseDeliveryStatus(report([delivered]))).toBeNull();
  });
});

const reply = (headers: string[], body = "Bonjour,\r\n\r\nLe virement part demain.\r\n\r\nJeanne") =>
  crlf(
    "From: Jeanne Martin <jeanne@client.fr>",
    "To: relances@acme.fr",
    "Subject: =?UTF-8?Q?Re=3A_Relance_facture_F-2026-001?=",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    ...headers,
    "",
    body,
  );

describe("parseDeliveryStatus: replies", () => {
  it("recognizes a reply whose In-Reply-To is one of our Message-IDs", async () => {
    expect(await parseDeliveryStatus(reply([`In-Reply-To: ${OUR_ID}`], "Bonjour,\r\n\r\nLe virement part demain, désolée.\r\n"))).toEqual({
      kind: "reply",
      inReplyTo: OUR_ID,
      from: "jeanne@client.fr",
      text: "Bonjour,\n\nLe virement part demain, désolée.",
      automatic: false,
    });
  });

  it("finds our id in References when In-Reply-To names another message of the thread", async () => {
    const status = await parseDeliveryStatus(reply(["In-Reply-To: <their-1@client.fr>", `References: ${OUR_ID} <their-1@client.fr>`]));
    expect(status).toMatchObject({ kind: "reply", inReplyTo: OUR_ID });
  });

  it("flags an out-of-office answer as automatic", async () => {
    expect(await parseDeliveryStatus(reply([`In-Reply-To: ${OUR_ID}`, "Auto-Submitted: auto-replied"]))).toMatchObject({ automatic: true });
  });

  it("uses the caller's look-up to decide which ids are ours", async () => {
    const raw = reply(["In-Reply-To: <case-42@acme.fr>"]);
    expect(await parseDeliveryStatus(raw)).toBeNull();
    expect(await parseDeliveryStatus(raw, { isOurMessageId: async (id) => id === "<case-42@acme.fr>" })).toMatchObject({ inReplyTo: "<case-42@acme.fr>" });
  });

  it("ignores a message that answers nothing of ours", async () => {
    expect(await parseDeliveryStatus(reply([]))).toBeNull();
    expect(await parseDeliveryStatus(reply(["In-Reply-To: <relance.not-a-uuid@acme.fr>"]))).toBeNull();
  });
});
