import { TRPCError } from "@trpc/server";
import { type AppErrorCode, type FieldIssue, isAppError } from "@relance/domain";
import { ZodError } from "zod";

type TrpcCode = TRPCError["code"];

export const TRPC_CODE_OF: Record<AppErrorCode, TrpcCode> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** The data every error carries to the client, typed on both sides. */
export interface ErrorData {
  key: string | null;
  fields: FieldIssue[];
  retryAfterSeconds: number | null;
  requestId: string | null;
}

export const zodFieldIssues = (error: ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(input)", message: issue.message }));

/** Turns what a procedure threw into the user-safe message and data; unknown errors say only the request id. */
export const describeError = (error: TRPCError, requestId: string | null): { message: string; data: ErrorData } => {
  const cause = error.cause;
  if (isAppError(cause)) {
    return {
      message: cause.message,
      data: {
        key: cause.details.key ?? null,
        fields: cause.details.fields ?? [],
        retryAfterSeconds: cause.details.retryAfterSeconds ?? null,
        requestId,
      },
    };
  }
  // a ZodError under any other code is a failed output validation: internal, its details stay on the server
  if (cause instanceof ZodError && error.code === "BAD_REQUEST") {
    const fields = zodFieldIssues(cause);
    return {
      message: `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
      data: { key: "errors.invalidInput", fields, retryAfterSeconds: null, requestId },
    };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return {
      message: `Something went wrong on our side (request ${requestId ?? "unknown"}).`,
      data: { key: "errors.internal", fields: [], retryAfterSeconds: null, requestId },
    };
  }
  return { message: error.message, data: { key: null, fields: [], retryAfterSeconds: null, requestId } };
};

/** Maps the domain error to its tRPC code, once, for every procedure. */
export const toTrpcError = (error: unknown): unknown => {
  if (error instanceof TRPCError && isAppError(error.cause)) {
    return new TRPCError({ code: TRPC_CODE_OF[error.cause.code], message: error.cause.message, cause: error.cause });
  }
  if (isAppError(error)) return new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });
  return error;
};
