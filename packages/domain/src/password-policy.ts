import { z } from "zod";

/** OWASP ASVS: at least 8 characters (we ask 10), long passphrases allowed, no composition rules. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const emailSchema = z.email("Enter a valid e-mail address").max(320).transform((email) => email.trim().toLowerCase());
