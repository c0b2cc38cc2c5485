import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** 20 random bytes, base32: the secret the browser holds. Only its SHA-256 is stored. */
export const generateSecretToken = (): string => {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
};

export const hashSecretToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** Shape check before any lookup: 20 bytes in base32 are 32 characters. */
export const isWellFormedToken = (token: string): boolean => /^[a-z2-7]{32}$/.test(token);
