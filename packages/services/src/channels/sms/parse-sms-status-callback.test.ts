import { describe, expect, it } from "vitest";
import { parseSmsStatusCallback } from "./parse-sms-status-callback.ts";

describe("parseSmsStatusCallback", () => {
  it("reads a JSON delivery report", () => {
    expect(parseSmsStatusCallback({ id: "msg-1", status: "delivered", reference: "action-42", timestamp: "2026-03-02T09:00:05Z" })).toEqual({
      id: "msg-1",
      reference: "action-42",
      state: "delivered",
      providerStatus: "delivered",
      errorCode: null,
      errorMessage: null,
      occurredAt: new Date("2026-03-02T09:00:05Z"),
    });
  });

  it("reads a failure with a nested error, from raw JSON bytes", () => {
    const body = Buffer.from(JSON.stringify({ id: 7, status: "UNDELIV", error: { code: "EC_ABSENT", message: "Subscriber absent" }, timestamp: 1772442005 }));
    expect(parseSmsStatusCallback(body)).toMatchObject({
      id: "7",
      state: "failed",
      providerStatus: "UNDELIV",
      errorCode: "EC_ABSENT",
      errorMessage: "Subscriber absent",
      occurredAt: new Date(1772442005 * 1000),
    });
  });

  it("reads a form-encoded report", () => {
    expect(parseSmsStatusCallback("MessageSid=SM123&MessageStatus=sent&ErrorCode=")).toMatchObject({ id: "SM123", state: "sent", errorCode: null });
  });

  it("keeps an unknown status word instead of failing", () => {
    expect(parseSmsStatusCallback({ id: "m", status: "weird" })).toMatchObject({ state: "unknown", providerStatus: "weird" });
  });

  it("names the missing field", () => {
    expect(() => parseSmsStatusCallback({ status: "sent" })).toThrow(/^id: is required/);
    expect(() => parseSmsStatusCallback({ id: "m" })).toThrow(/^status: is required/);
    expect(() => parseSmsStatusCallback("{not json")).toThrow(/^body: /);
    expect(() => parseSmsStatusCallback(42)).toThrow(/^body: /);
  });
});
