/**
 * How many SMS a text costs (3GPP TS 23.038 / 23.040). GSM-7 fits 160 septets in one SMS and 153 per part once
 * concatenated (the rest holds the part header); a single character outside GSM-7 switches the whole text to UCS-2,
 * 70 and 67 UTF-16 units. In French, "ç", "ê", "â", "ô", "î", "û" are outside GSM-7.
 */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Reached through the escape septet, so each costs two. */
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2) the text takes. */
  length: number;
  /** 0 for an empty text. */
  segments: number;
  /** Capacity of one part at this length: 160/70 for a single SMS, 153/67 once split. */
  perSegment: number;
}

export const isGsm7 = (text: string): boolean => [...text].every((char) => BASIC.has(char) || EXTENSION.has(char));

/** Counts parts the way phones split them: an escape pair or a surrogate pair is never cut across two parts. */
const countParts = (units: number[], perPart: number): number => {
  let parts = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > perPart) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
};

export const computeSmsSegments = (text: string): SmsSegments => {
  const encoding: SmsEncoding = isGsm7(text) ? "GSM-7" : "UCS-2";
  const units = [...text].map((char) => (encoding === "GSM-7" ? (EXTENSION.has(char) ? 2 : 1) : char.length));
  const length = units.reduce((sum, size) => sum + size, 0);
  const [single, multi] = encoding === "GSM-7" ? [160, 153] : [70, 67];
  if (length === 0) return { encoding, length, segments: 0, perSegment: single };
  if (length <= single) return { encoding, length, segments: 1, perSegment: single };
  return { encoding, length, segments: countParts(units, multi), perSegment: multi };
};
