import { describe, expect, it } from "vitest";
import { fixedClock } from "../../deps.ts";
import { createSmsSender } from "./create-sms-sender.ts";
import type { OutboxSms } from "./sms-message.ts";

describe("createSmsSender without a provider", () => {
  it("validates the message and records it with its number in E.164 and its cost", async () => {
    const outbox: OutboxSms[] = [];
    const sender = createSmsSender({ onOutbox: (sms) => void outbox.push(sms), defaultCountry: "CH", clock: fixedClock(new Date("2026-03-02T09:00:00Z")) });
    expect(sender.mode).toBe("outbox");
    const result = await sender.send({ to: "079 123 45 67", text: "Rappel: facture 2026-001 échue.", reference: "action-42" });
    expect(result).toMatchObject({ status: "recorded", to: "+41791234567", segments: { encoding: "GSM-7", segments: 1 } });
    expect(outbox).toEqual([
      expect.objectContaining({ id: result.id, to: "+41791234567", reference: "action-42", recordedAt: new Date("2026-03-02T09:00:00Z") }),
    ]);
  });

  it("keeps messages in memory when no sink is given", async () => {
    const sender = createSmsSender();
    await sender.send({ to: "06 12 34 56 78", text: "Rappel", reference: "a-1" });
    expect(sender.mode === "outbox" && sender.recorded.map((sms) => sms.to)).toEqual(["+33612345678"]);
  });

  it("refuses a bad number, an empty text, a bad reference and an over-long text", async () => {
    const sender = createSmsSender({ maxSegments: 2 });
    await expect(sender.send({ to: "12", text: "Rappel", reference: "a-1" })).rejects.toThrow(/^to: /);
    await expect(sender.send({ to: "0612345678", text: " ", reference: "a-1" })).rejects.toThrow(/^text: is required/);
    await expect(sender.send({ to: "0612345678", text: "Rappel", reference: "a 1" })).rejects.toThrow(/^reference: /);
    await expect(sender.send({ to: "0612345678", text: "x".repeat(307), reference: "a-1" })).rejects.toThrow(/^text: takes 3 SMS/);
  });

  it("needs an http(s) URL and an API key to use a provider", () => {
    expect(() => createSmsSender({ providerUrl: "ftp://sms", apiKey: "k" })).toThrow(/http/);
    expect(() => createSmsSender({ providerUrl: "https://sms.example" })).toThrow(/apiKey/);
  });
});
