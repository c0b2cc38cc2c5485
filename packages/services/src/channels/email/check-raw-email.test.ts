import { isAppError } from "@relance/domain";
import { describe, expect, it } from "vitest";
import { checkRawEmail } from "./check-raw-email.ts";

const message = ["From: Jeanne <jeanne@client.fr>", "To: relances@acme.fr", "Message-ID: <abc@client.fr>", "Subject: Re: Relance", "", "Bonjour"].join("\r\n");

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error("no error");
};

describe("checkRawEmail", () => {
  it("keys a message by its Message-ID, else by a digest of its bytes", () => {
    expect(checkRawEmail(message)).toMatchObject({ messageId: "<abc@client.fr>", key: "<abc@client.fr>" });
    const anonymous = checkRawEmail("From: a@b.fr\r\n\r\nHello");
    expect(anonymous.messageId).toBeNull();
    expect(anonymous.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checkRawEmail("From: a@b.fr\r\n\r\nHello").key).toBe(anonymous.key);
    expect(checkRawEmail("From: a@b.fr\r\n\r\nHello!").key).not.toBe(anonymous.key);
  });

  it("drops the mbox envelope line a pipe may add, and accepts folded header lines", () => {
    const raw = checkRawEmail(`From jeanne@client.fr Mon Mar  2 10:00:00 2026\n${message.replace("Subject: Re: Relance", "Subject: Re:\r\n Relance")}`);
    expect(raw.bytes.toString("utf8").startsWith("From: Jeanne")).toBe(true);
    expect(raw.key).toBe("<abc@client.fr>");
  });

  it("refuses what is not an e-mail, naming the line, and what is empty or too large", () => {
    expect(errorOf(() => checkRawEmail("number,amount\nF-1,100\n"))).toBe(
      'BAD_REQUEST message: line 1 is not a header field ("number,amount"): not an e-mail (RFC 5322) message',
    );
    expect(errorOf(() => checkRawEmail("Subject: hi\r\nTo: a@b.fr\r\nwhat is this\r\n\r\nbody"))).toContain('line 3 is not a header field ("what is this")');
    expect(errorOf(() => checkRawEmail("Subject: hi\r\n\r\nbody"))).toContain("it has no From header");
    expect(errorOf(() => checkRawEmail(" \r\n"))).toBe("BAD_REQUEST message: is empty");
    expect(errorOf(() => checkRawEmail(Buffer.alloc(2 * 1024 * 1024, 0x61), 1024 * 1024))).toBe("BAD_REQUEST message: is larger than 1 MB, the largest accepted");
  });
});
