import type { AppRouter } from "@relance/api";
import { type TRPCClientErrorLike, isTRPCClientError } from "@trpc/client";

/** What every tRPC call can fail with, typed by the server's errorFormatter. */
export type ApiError = TRPCClientErrorLike<AppRouter>;
/** `{ code, httpStatus, path, key, fields, retryAfterSeconds, requestId }` as the server formats it. */
export type ApiErrorData = NonNullable<ApiError["data"]>;
export type ApiErrorCode = ApiErrorData["code"];

export const isApiError = (error: unknown): error is ApiError => isTRPCClientError<AppRouter>(error);

export const errorDataOf = (error: unknown): ApiErrorData | null => (isApiError(error) ? (error.data ?? null) : null);

export const errorCodeOf = (error: unknown): ApiErrorCode | null => errorDataOf(error)?.code ?? null;

/** The session is gone (ended elsewhere, expired, password changed on another device). */
export const isUnauthorized = (error: unknown): boolean => errorCodeOf(error) === "UNAUTHORIZED";

/** A client error (4xx) will not change by retrying; network errors and 5xx might. */
export const isRetryable = (error: unknown): boolean => {
  const status = errorDataOf(error)?.httpStatus;
  return status === undefined || status >= 500;
};
