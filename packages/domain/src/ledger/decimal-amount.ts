import { invalidValue, parsed, rejected, type ParseOutcome } from "./ledger-errors.ts";

/**
 * Decimal text ⇄ integer minor units, by string arithmetic only: the digits are moved, never multiplied as floats.
 * Accepts French (`1 234,56`, with normal, no-break or narrow no-break spaces), German (`1.234,56`), English
 * (`1,234.56`) and Swiss (`12'345.60`) writing, and a leading `-`, `+` or `−`.
 */
export type DecimalSeparator = "," | ".";

export interface ParseDecimalOptions {
  readonly decimalSeparator: DecimalSeparator | "auto";
  /** Digits after the separator that make one major unit (2 for EUR and CHF). */
  readonly fractionDigits?: number;
  /** When false, any single `,` or `.` is the decimal separator and no thousands separator is allowed (FEC, camt). */
  readonly grouping?: boolean;
}

const SPACES = "\u0020\u00A0\u202F\u2009";
const APOSTROPHES = "'\u2019";
const SHAPE = new RegExp(`^[0-9.,${APOSTROPHES}${SPACES}]+$`);

type GroupKind = "space" | "apostrophe" | DecimalSeparator;
const groupKindOf = (char: string): GroupKind | undefined =>
  SPACES.includes(char) ? "space" : APOSTROPHES.includes(char) ? "apostrophe" : char === "," || char === "." ? char : undefined;

const count = (text: string, char: string): number => text.split(char).length - 1;

/** Which character separates decimals in this body, `null` when it has no decimal part. */
const resolveSeparator = (body: string, options: ParseDecimalOptions): ParseOutcome<DecimalSeparator | null> => {
  if (options.decimalSeparator !== "auto") return parsed(body.includes(options.decimalSeparator) ? options.decimalSeparator : null);
  const comma = body.lastIndexOf(",");
  const dot = body.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) return parsed(comma > dot ? "," : ".");
  if (comma < 0 && dot < 0) return parsed(null);
  const separator: DecimalSeparator = comma >= 0 ? "," : ".";
  if (options.grouping === false) return parsed(separator);
  if (count(body, separator) > 1) return parsed(null);
  const [before = "", after = ""] = body.split(separator);
  const otherGrouping = [...before].some((char) => groupKindOf(char) === "space" || groupKindOf(char) === "apostrophe");
  if (after.length === 3 && !otherGrouping && /[1-9]/.test(before)) {
    return rejected(`ambiguous: "${separator}" may separate thousands or decimals; set the decimal separator`);
  }
  return parsed(separator);
};

/** Digits of the integer part once its thousands separators are checked and removed. */
const integerDigits = (part: string, decimal: DecimalSeparator | null, grouping: boolean): ParseOutcome<string> => {
  if (/^[0-9]*$/.test(part)) return parsed(part);
  const kinds = new Set<GroupKind>();
  for (const char of part) {
    const kind = groupKindOf(char);
    if (kind !== undefined) kinds.add(kind);
  }
  if (!grouping) return rejected("unexpected thousands separator");
  if (decimal !== null && kinds.has(decimal)) return rejected(`"${decimal}" appears more than once`);
  if (kinds.size > 1) return rejected("mixed thousands separators");
  const groups = part.split(/[^0-9]/);
  const [first = "", ...rest] = groups;
  if (first.length < 1 || first.length > 3 || rest.some((group) => group.length !== 3)) return rejected("misplaced thousands separator");
  return parsed(groups.join(""));
};

const fractionDigitsOf = (fraction: string, digits: number): ParseOutcome<string> => {
  if (!/^[0-9]*$/.test(fraction)) return rejected("not a decimal amount");
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return rejected(`more than ${digits} decimals`);
  return parsed(fraction.slice(0, digits).padEnd(digits, "0"));
};

const splitSign = (text: string): { sign: 1 | -1; body: string } => {
  const first = text[0];
  if (first === "-" || first === "\u2212") return { sign: -1, body: text.slice(1).trimStart() };
  if (first === "+") return { sign: 1, body: text.slice(1).trimStart() };
  return { sign: 1, body: text };
};

export const tryParseDecimalAmount = (text: string, options: ParseDecimalOptions): ParseOutcome<number> => {
  const digits = options.fractionDigits ?? 2;
  const trimmed = text.trim();
  if (trimmed === "") return rejected("empty");
  const { sign, body } = splitSign(trimmed);
  if (!SHAPE.test(body) || !/[0-9]/.test(body)) return rejected("not a decimal amount");
  const separator = resolveSeparator(body, options);
  if (!separator.ok) return separator;
  const cut = separator.value === null ? body.length : body.lastIndexOf(separator.value);
  const whole = integerDigits(body.slice(0, cut), separator.value, options.grouping !== false);
  if (!whole.ok) return whole;
  const fractionText = body.slice(cut + 1);
  if (separator.value !== null && fractionText === "") return rejected("no digits after the decimal separator");
  const fraction = fractionDigitsOf(fractionText, digits);
  if (!fraction.ok) return fraction;
  const value = Number((whole.value + fraction.value).replace(/^0+(?=\d)/, ""));
  if (!Number.isSafeInteger(value)) return rejected("too large");
  return parsed(value === 0 ? 0 : sign * value);
};

/** Parses decimal text to minor units, or throws a BAD_REQUEST naming the value and the reason. */
export const parseDecimalAmount = (text: string, options: ParseDecimalOptions): number => {
  const outcome = tryParseDecimalAmount(text, options);
  if (!outcome.ok) throw invalidValue(`Amount "${text}": ${outcome.reason}`, "ledger.invalidAmount");
  return outcome.value;
};

/** Minor units to plain decimal text with a dot and no grouping: 123456 → "1234.56", -5 → "-0.05". */
export const formatDecimal = (amountMinor: number, fractionDigits = 2): string => {
  if (!Number.isSafeInteger(amountMinor)) throw invalidValue(`Amount ${amountMinor} is not a whole number of minor units`, "ledger.invalidAmount");
  const digits = String(Math.abs(amountMinor)).padStart(fractionDigits + 1, "0");
  const sign = amountMinor < 0 ? "-" : "";
  if (fractionDigits === 0) return sign + digits;
  return `${sign}${digits.slice(0, -fractionDigits)}.${digits.slice(-fractionDigits)}`;
};

/**
 * The decimal separator a column of amounts uses, when its samples say so unambiguously: a sample with both `,`
 * and `.` votes for the last one; one separator followed by other than 3 digits votes for it.
 */
export const detectDecimalSeparator = (samples: Iterable<string>): DecimalSeparator | undefined => {
  const votes = new Set<DecimalSeparator>();
  for (const sample of samples) {
    const body = sample.trim();
    const comma = body.lastIndexOf(",");
    const dot = body.lastIndexOf(".");
    if (comma >= 0 && dot >= 0) votes.add(comma > dot ? "," : ".");
    else if (comma >= 0 || dot >= 0) {
      const separator: DecimalSeparator = comma >= 0 ? "," : ".";
      const after = body.length - body.lastIndexOf(separator) - 1;
      if (count(body, separator) === 1 && after !== 3) votes.add(separator);
    }
  }
  return votes.size === 1 ? [...votes][0] : undefined;
};
