import { CANONICAL_FIELDS, CSV_DELIMITERS, DATE_FORMATS, type CanonicalField, type ColumnMapping } from "@relance/domain";
import { z } from "zod";

const fieldKey = z.enum(CANONICAL_FIELDS as unknown as [CanonicalField, ...CanonicalField[]]);

/** A column mapping as it arrives from outside (the wizard, a saved mapping, `--mapping file.json`). */
export const columnMappingSchema = z
  .object({
    columns: z.partialRecord(fieldKey, z.union([z.string().trim().min(1).max(200), z.number().int().min(0).max(500)])),
    defaults: z.partialRecord(fieldKey, z.string().max(200)).optional(),
    options: z
      .object({
        delimiter: z.enum([...CSV_DELIMITERS, "auto"]).default("auto"),
        decimalSeparator: z.enum([",", ".", "auto"]).default("auto"),
        dateFormat: z.enum([...DATE_FORMATS, "auto"]).default("auto"),
        encoding: z.enum(["utf-8", "windows-1252", "iso-8859-15", "auto"]).default("auto"),
      })
      .default({ delimiter: "auto", decimalSeparator: "auto", dateFormat: "auto", encoding: "auto" }),
  })
  .strict() satisfies z.ZodType<ColumnMapping, unknown>;
