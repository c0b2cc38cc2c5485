import type { z } from "zod";
import { AppError, type FieldIssue } from "../errors.ts";

/**
 * Errors of the collection rules. Bad input data (a table, a policy, a template) is a BAD_REQUEST naming the field;
 * a rule that needs data the tables do not hold (no rate in force on a date) is a PRECONDITION_FAILED.
 */
export const invalidCollectionData = (message: string, key: string, fields: FieldIssue[] = []): AppError =>
  new AppError("BAD_REQUEST", message, fields.length > 0 ? { key, fields } : { key });

export const missingCollectionData = (message: string, key: string): AppError => new AppError("PRECONDITION_FAILED", message, { key });

/** Zod issues as `path: message` pairs, the path dotted and 0-based (`entries.3.validFrom`). */
export const fieldIssuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));

const describeIssue = (issue: FieldIssue): string => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`);

/** Parses with a schema, or throws a BAD_REQUEST whose message lists every `path: reason` (`what` names the data). */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown, what: string, key: string): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldIssuesOf(result.error);
  throw invalidCollectionData(`Invalid ${what}: ${fields.map(describeIssue).join("; ")}`, key, fields);
};
