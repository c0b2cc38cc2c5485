import { parsed, rejected, type ParseOutcome } from "./ledger-errors.ts";

/**
 * Company identifiers on imported debtors: French SIREN (9 digits) and SIRET (14 digits), both Luhn-checked, and the
 * Swiss UID (CHE-123.456.789, mod 11 check digit). Values are returned in a canonical spelling.
 */
export type CompanyIdentifier =
  | { readonly kind: "SIREN"; readonly value: string }
  | { readonly kind: "SIRET"; readonly value: string }
  | { readonly kind: "CHE_UID"; readonly value: string };

const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  }
  return sum % 10 === 0;
};

export const isValidSiren = (text: string): boolean => /^\d{9}$/.test(text) && luhnValid(text);

// La Poste's establishments (SIREN 356000000) are numbered past what Luhn allows; INSEE checks them by digit sum mod 5.
const LA_POSTE_SIREN = "356000000";

export const isValidSiret = (text: string): boolean => {
  if (!/^\d{14}$/.test(text) || !isValidSiren(text.slice(0, 9))) return false;
  if (text.startsWith(LA_POSTE_SIREN) && text !== `${LA_POSTE_SIREN}00048`) {
    return [...text].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  return luhnValid(text);
};

const UID_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4] as const;

/** The 9th digit of a UID from its first 8 (eCH-0097): 11 − Σ(weight × digit) mod 11; 10 is never issued. */
export const cheUidCheckDigit = (digits8: string): number | undefined => {
  const sum = [...digits8].reduce((total, digit, i) => total + Number(digit) * UID_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? undefined : check;
};

const UID_SHAPE = /^CHE[-\s]?(\d{3})[.\s]?(\d{3})[.\s]?(\d{3})(?:\s*(?:MWST|TVA|IVA|HR))?$/;

export const isValidCheUid = (text: string): boolean => {
  const match = UID_SHAPE.exec(text.trim().toUpperCase());
  if (match === null) return false;
  const digits = `${match[1]}${match[2]}${match[3]}`;
  return cheUidCheckDigit(digits.slice(0, 8)) === Number(digits[8]);
};

export const parseCompanyIdentifier = (text: string): ParseOutcome<CompanyIdentifier> => {
  const upper = text.trim().toUpperCase();
  const uid = UID_SHAPE.exec(upper);
  if (uid !== null) {
    return isValidCheUid(upper) ? parsed({ kind: "CHE_UID", value: `CHE-${uid[1]}.${uid[2]}.${uid[3]}` }) : rejected("CHE UID check digit is wrong");
  }
  const digits = upper.replace(/[\s.-]/g, "");
  if (/^\d{9}$/.test(digits)) return isValidSiren(digits) ? parsed({ kind: "SIREN", value: digits }) : rejected("SIREN check digit is wrong");
  if (/^\d{14}$/.test(digits)) return isValidSiret(digits) ? parsed({ kind: "SIRET", value: digits }) : rejected("SIRET check digit is wrong");
  return rejected("not a SIREN (9 digits), SIRET (14 digits) or Swiss UID (CHE-123.456.789)");
};
