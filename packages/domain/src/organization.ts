import { z } from "zod";

export const COUNTRIES = ["FR", "CH"] as const;
export type Country = (typeof COUNTRIES)[number];

export const orgSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "Use 2 to 63 lowercase letters, digits or dashes, starting with a letter or digit");

export const orgNameSchema = z.string().trim().min(1, "Name is required").max(200);

/** The currency a tenant books in by default: EUR for France, CHF for Switzerland. */
export const defaultCurrencyOf = (country: Country): "EUR" | "CHF" => (country === "CH" ? "CHF" : "EUR");

export const SESSION_IDLE_TIMEOUT_DEFAULT_MINUTES = 12 * 60;
