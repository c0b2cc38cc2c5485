import { AppError } from "@relance/domain";
import type { z } from "zod";

/** Parses a value a service receives from outside a typed transport (CLI, import), naming the field at fault. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? "Invalid value";
  throw new AppError("BAD_REQUEST", `${field}: ${message}`, { fields: [{ path: field, message }] });
};
