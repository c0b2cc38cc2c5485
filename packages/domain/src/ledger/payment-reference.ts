import { invalidValue } from "./ledger-errors.ts";

/**
 * Creditor payment references (FACTS §9): the Swiss QR reference (QRR, 27 digits, recursive mod-10 check digit) and
 * the international creditor reference (SCOR, ISO 11649: `RF` + 2 check digits + up to 21 characters, mod 97).
 */
export type ReferenceKind = "QRR" | "SCOR" | "OTHER" | "NONE";

export interface ClassifiedReference {
  readonly kind: ReferenceKind;
  readonly normalized: string;
  /** Set when the text has the shape of a QRR or RF reference but its check digits are wrong. */
  readonly problem?: string;
}

/** Spaces out (as printed on slips: "21 00000 00003 …"), letters upper-cased. */
export const normalizeReference = (text: string): string => text.replace(/\s+/g, "").toUpperCase();

const QRR_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5] as const;

export const qrrCheckDigit = (digits26: string): number => {
  if (!/^\d{26}$/.test(digits26)) throw invalidValue(`"${digits26}" is not 26 digits`, "ledger.invalidReference");
  let carry = 0;
  for (const digit of digits26) carry = QRR_TABLE[(carry + Number(digit)) % 10]!;
  return (10 - carry) % 10;
};

export const isValidQrr = (text: string): boolean => {
  const reference = normalizeReference(text);
  return /^\d{27}$/.test(reference) && qrrCheckDigit(reference.slice(0, 26)) === Number(reference[26]);
};

/** Left-pads a numeric reference (e.g. a customer number + invoice number) to 26 digits and appends the check digit. */
export const buildQrr = (numeric: string): string => {
  const digits = normalizeReference(numeric);
  if (!/^\d{1,26}$/.test(digits)) throw invalidValue(`"${numeric}" cannot become a QR reference: use 1 to 26 digits`, "ledger.invalidReference");
  const body = digits.padStart(26, "0");
  return body + String(qrrCheckDigit(body));
};

/** ISO 7064 mod 97-10 over alphanumerics, letters counting A=10 … Z=35 (as in IBAN). */
const mod97 = (alphanumeric: string): number => {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = char >= "A" ? char.charCodeAt(0) - 55 : Number(char);
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
};

const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/;

export const isValidRf = (text: string): boolean => {
  const reference = normalizeReference(text);
  return RF_SHAPE.test(reference) && mod97(reference.slice(4) + reference.slice(0, 4)) === 1;
};

export const buildRf = (reference: string): string => {
  const body = normalizeReference(reference);
  if (!/^[A-Z0-9]{1,21}$/.test(body)) {
    throw invalidValue(`"${reference}" cannot become an RF reference: use 1 to 21 letters or digits`, "ledger.invalidReference");
  }
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, "0")}${body}`;
};

export const classifyReference = (text: string): ClassifiedReference => {
  const normalized = normalizeReference(text);
  if (normalized === "") return { kind: "NONE", normalized };
  if (/^\d{27}$/.test(normalized)) {
    return isValidQrr(normalized) ? { kind: "QRR", normalized } : { kind: "OTHER", normalized, problem: "QR reference check digit is wrong" };
  }
  if (/^RF\d{2}[A-Z0-9]*$/.test(normalized)) {
    if (!RF_SHAPE.test(normalized)) return { kind: "OTHER", normalized, problem: "RF reference must have 5 to 25 characters" };
    return isValidRf(normalized) ? { kind: "SCOR", normalized } : { kind: "OTHER", normalized, problem: "RF reference check digits are wrong" };
  }
  return { kind: "OTHER", normalized };
};
