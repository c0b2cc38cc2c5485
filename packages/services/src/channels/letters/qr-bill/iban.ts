/** IBAN checks the QR-bill needs: only Swiss and Liechtenstein accounts are allowed on it. */

export const compactIban = (iban: string): string => iban.replace(/\s+/g, "").toUpperCase();

/** ISO 13616: move the first four characters to the end, letters as 10–35, the number mod 97 must be 1. */
export const isValidIban = (iban: string): boolean => {
  const compact = compactIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  let remainder = 0;
  for (const char of compact.slice(4) + compact.slice(0, 4)) {
    const value = char >= "A" ? char.charCodeAt(0) - 55 : Number(char);
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
};

export const isSwissIban = (iban: string): boolean => /^(CH|LI)\d{2}[A-Z0-9]{17}$/.test(compactIban(iban));

/** A QR-IBAN is told apart by its institution id (positions 5 to 9) in 30000–31999. */
export const isQrIban = (iban: string): boolean => {
  const compact = compactIban(iban);
  const iid = Number(compact.slice(4, 9));
  return isSwissIban(compact) && /^\d{5}$/.test(compact.slice(4, 9)) && iid >= 30000 && iid <= 31999;
};

/** In groups of four, as printed on the payment part. */
export const formatIban = (iban: string): string => compactIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
