import { CURRENCIES, isIsoCountryCode, isValidQrr, isValidRf, normalizeReference } from "@relance/domain";
import { invalidField } from "../../channel-errors.ts";
import { compactIban, isQrIban, isSwissIban, isValidIban } from "./iban.ts";
import type { QrBillAddress, QrBillData, QrReferenceType } from "./qr-bill-data.ts";

export interface QrBillPayload {
  /** The text to encode in the Swiss QR Code: elements separated by LF, none after the last. */
  text: string;
  lines: readonly string[];
  account: string;
  referenceType: QrReferenceType;
  /** Without spaces; empty for NON. */
  reference: string;
  /** `1949.75`, or empty when the payer fills it in. */
  amount: string;
  /** As encoded (trimmed, typographic marks made plain), for printing on the payment part. */
  message: string;
  billInformation: string;
}

const MAX_AMOUNT_MINOR = 99_999_999_999; // 999,999,999.99

/** The character set of the Swiss Payments Standards: Latin-1 and Latin Extended-A, Ș ș Ț ț, and €. */
const ALLOWED_TEXT = /^[\u0020-\u007e\u00a0-\u017f\u0218-\u021b\u20ac]*$/;

/** Typographic marks a template or a word processor puts in ("l’échéance – solde") have plain equivalents in the set. */
const PLAIN_EQUIVALENTS: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "...",
  "\u202f": " ", "\u2009": " ",
};

const TYPOGRAPHIC = new RegExp(`[${Object.keys(PLAIN_EQUIVALENTS).join("")}]`, "g");

const checkText = (value: string, field: string, max: number, required = false): string => {
  const text = value.normalize("NFC").replace(TYPOGRAPHIC, (char) => PLAIN_EQUIVALENTS[char] ?? char).trim();
  if (required && text === "") throw invalidField(field, "is required");
  if (text.length > max) throw invalidField(field, `must be at most ${max} characters`);
  if (!ALLOWED_TEXT.test(text)) throw invalidField(field, "contains characters the QR-bill does not allow (line breaks, non-Latin script)");
  return text;
};

const EMPTY_ADDRESS = ["", "", "", "", "", "", ""] as const;

/** Address type "S": name, street, building number, postal code, town, country. */
const addressLines = (address: QrBillAddress, field: string): string[] => {
  const country = address.country.trim().toUpperCase();
  if (!isIsoCountryCode(country)) throw invalidField(`${field}.country`, `"${address.country}" is not an ISO 3166 country code`);
  return [
    "S",
    checkText(address.name, `${field}.name`, 70, true),
    checkText(address.street ?? "", `${field}.street`, 70),
    checkText(address.buildingNumber ?? "", `${field}.buildingNumber`, 16),
    checkText(address.postalCode, `${field}.postalCode`, 16, true),
    checkText(address.town, `${field}.town`, 35, true),
    country,
  ];
};

/** Integer arithmetic on minor units, so no float ever rounds a cent away. */
export const formatQrAmount = (amountMinor: number): string =>
  `${Math.floor(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, "0")}`;

const checkAmount = (amountMinor: number | null): string => {
  if (amountMinor === null) return "";
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 1 || amountMinor > MAX_AMOUNT_MINOR) {
    throw invalidField("amount", "must be between 0.01 and 999,999,999.99");
  }
  return formatQrAmount(amountMinor);
};

const checkReference = (account: string, text: string | undefined): { referenceType: QrReferenceType; reference: string } => {
  const reference = normalizeReference(text ?? "");
  if (isQrIban(account)) {
    if (reference === "") throw invalidField("reference", "a QR-IBAN requires a QR reference (QRR)");
    if (!isValidQrr(reference)) throw invalidField("reference", "must be a 27-digit QR reference with a valid check digit, as the account is a QR-IBAN");
    return { referenceType: "QRR", reference };
  }
  if (reference === "") return { referenceType: "NON", reference };
  if (/^\d{27}$/.test(reference)) throw invalidField("reference", "a QR reference (QRR) can only be used with a QR-IBAN");
  if (!isValidRf(reference)) throw invalidField("reference", "must be an RF creditor reference (ISO 11649) with valid check digits");
  return { referenceType: "SCOR", reference };
};

/**
 * Builds and validates the Swiss QR Code payload (SIX implementation guidelines v2.3, FACTS §9): header SPC/0200/1,
 * the creditor's account and structured address, an empty ultimate creditor, amount and currency, the debtor,
 * reference type and reference, the message, EPD, then bill information when given.
 */
export const buildQrBillPayload = (data: QrBillData): QrBillPayload => {
  const account = compactIban(data.creditorAccount);
  if (!isValidIban(account)) throw invalidField("creditorAccount", "is not a valid IBAN");
  if (!isSwissIban(account)) throw invalidField("creditorAccount", "must be a Swiss (CH) or Liechtenstein (LI) IBAN");
  if (!(CURRENCIES as readonly string[]).includes(data.currency)) throw invalidField("currency", "must be CHF or EUR");
  const amount = checkAmount(data.amountMinor);
  const { referenceType, reference } = checkReference(account, data.reference);
  const message = checkText(data.unstructuredMessage ?? "", "unstructuredMessage", 140);
  const billInformation = checkText(data.billInformation ?? "", "billInformation", 140);
  if (billInformation !== "" && !billInformation.startsWith("//")) throw invalidField("billInformation", 'must start with "//" (e.g. Swico "//S1/…")');
  if (message.length + billInformation.length > 140) {
    throw invalidField("unstructuredMessage", "and bill information together must be at most 140 characters");
  }

  const lines = [
    "SPC",
    "0200",
    "1",
    account,
    ...addressLines(data.creditor, "creditor"),
    ...EMPTY_ADDRESS, // ultimate creditor: reserved for future use, must stay empty
    amount,
    data.currency,
    ...(data.debtor === null ? EMPTY_ADDRESS : addressLines(data.debtor, "debtor")),
    referenceType,
    reference,
    message,
    "EPD",
    ...(billInformation === "" ? [] : [billInformation]),
  ];
  return { text: lines.join("\n"), lines, account, referenceType, reference, amount, message, billInformation };
};
