import { AppError } from "@relance/domain";

/**
 * A bad value handed to a delivery channel (an address, a phone number, a QR-bill field). The message names the field
 * so the dunning engine can show the user which part of the debtor's record to fix.
 */
export const invalidField = (field: string, message: string): AppError =>
  new AppError("BAD_REQUEST", `${field}: ${message}`, { fields: [{ path: field, message }], key: "channels.invalidField" });

/** Line breaks in a header value would let a value start a new header (header injection): fold them into spaces. */
export const stripLineBreaks = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, " ");

export const hasLineBreak = (text: string): boolean => /[\r\n]/.test(text);
