import { LOCALES, ROLES, COUNTRIES } from "@relance/domain";
import { z } from "zod";

/** Shared output shapes. Instants cross the wire as ISO strings, calendar dates as YYYY-MM-DD. */
export const isoInstant = z.string();
export const roleSchema = z.enum(ROLES);
export const localeSchema = z.enum(LOCALES);
export const countrySchema = z.enum(COUNTRIES);
export const uuidSchema = z.uuid("Must be a valid id");

export const toIso = (d: Date): string => d.toISOString();
