import { errorDataOf } from "../lib/errors.ts";

/** The server's field errors (`steps.2.offsetDays: must be …`) by path, to show each one at its field. */
export const fieldErrorsOf = (error: unknown): Map<string, string> => new Map((errorDataOf(error)?.fields ?? []).map((f) => [f.path, f.message]));
