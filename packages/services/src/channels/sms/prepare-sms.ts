import { invalidField } from "../channel-errors.ts";
import { normalizePhoneNumber, type PhoneCountry } from "./phone-number.ts";
import type { PreparedSms, SmsMessage } from "./sms-message.ts";
import { computeSmsSegments } from "./sms-segments.ts";

export interface PrepareSmsOptions {
  defaultCountry: PhoneCountry;
  /** A reminder that runs over this many parts is a template mistake, and each part is billed. */
  maxSegments: number;
}

export const DEFAULT_MAX_SMS_SEGMENTS = 6;

export const prepareSms = (message: SmsMessage, options: PrepareSmsOptions): PreparedSms => {
  const to = normalizePhoneNumber(message.to, options.defaultCountry, "to");
  if (message.text.trim() === "") throw invalidField("text", "is required");
  const reference = message.reference.trim();
  if (!/^[\w.:-]{1,100}$/.test(reference)) throw invalidField("reference", "use 1 to 100 letters, digits, '.', ':', '_' or '-'");
  const segments = computeSmsSegments(message.text);
  if (segments.segments > options.maxSegments) {
    throw invalidField("text", `takes ${segments.segments} SMS (${segments.encoding}); the limit is ${options.maxSegments}`);
  }
  return { to, text: message.text, reference, segments };
};
