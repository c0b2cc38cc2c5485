import { invalidField } from "../channel-errors.ts";

/** The countries whose national spelling ("06 12 34 56 78") we can read; others must come in international form. */
export const PHONE_COUNTRIES = { FR: "33", CH: "41" } as const;
export type PhoneCountry = keyof typeof PHONE_COUNTRIES;

// National numbers after the country code: France 9 digits not starting with 0; Switzerland 9 digits from 2 to 9.
const NATIONAL_SHAPE: Record<string, RegExp> = { "33": /^[1-9]\d{8}$/, "41": /^[2-9]\d{8}$/ };

/**
 * Normalizes a phone number to E.164 (`+33612345678`), reading `06 12 34 56 78` in the default country, `0041 …` as
 * `+41 …` and dropping the `(0)` often written after the country code. Throws an error naming the field when the
 * number cannot be dialled.
 */
export const normalizePhoneNumber = (input: string, defaultCountry: PhoneCountry = "FR", field = "to"): string => {
  const compact = input.replace(/\(0\)/g, "").replace(/[\s\u00a0.\-/()]/g, "");
  let international: string;
  if (/^\+\d+$/.test(compact)) international = compact;
  else if (/^00\d+$/.test(compact)) international = `+${compact.slice(2)}`;
  else if (/^0\d+$/.test(compact)) international = `+${PHONE_COUNTRIES[defaultCountry]}${compact.slice(1)}`;
  else throw invalidField(field, `"${input.slice(0, 40)}" is not a phone number`);

  for (const [code, shape] of Object.entries(NATIONAL_SHAPE)) {
    if (international.startsWith(`+${code}`)) {
      if (!shape.test(international.slice(code.length + 1))) throw invalidField(field, `"${input.slice(0, 40)}" is not a valid number for +${code}`);
      return international;
    }
  }
  // Elsewhere only the E.164 frame is checked: a country code does not start with 0, and 15 digits at most.
  if (!/^\+[1-9]\d{7,14}$/.test(international)) throw invalidField(field, `"${input.slice(0, 40)}" is not a valid international number`);
  return international;
};

/** Whether a French or Swiss number can receive SMS; `unknown` for other countries, where we do not know the plans. */
export const phoneLineKind = (e164: string): "mobile" | "fixed" | "unknown" => {
  if (e164.startsWith("+33")) return /^\+33[67]/.test(e164) ? "mobile" : "fixed";
  if (e164.startsWith("+41")) return /^\+417[5-9]/.test(e164) ? "mobile" : "fixed";
  return "unknown";
};
