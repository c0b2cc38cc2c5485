/**
 * The one domain error. Services throw it; transports (tRPC, socket acks, CLI) map its code once, at the edge.
 * `message` is safe to show a user; `details` carries machine-readable context such as field paths.
 */
export const APP_ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "TOO_MANY_REQUESTS",
  "PRECONDITION_FAILED",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. `email` or `rows.3.amount`. */
  path: string;
  message: string;
}

export interface AppErrorDetails {
  fields?: FieldIssue[];
  retryAfterSeconds?: number;
  /** A stable key the UI translates, e.g. `auth.invalidCredentials`. */
  key?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

/** The HTTP status of each code, for the transports that answer plain HTTP (file endpoints, upgrades). */
export const HTTP_STATUS_OF: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
};

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Used when a row of another tenant (or a missing one) is asked for: never reveal which. */
export const notFound = (what: string): AppError => new AppError("NOT_FOUND", `${what} not found`, { key: "errors.notFound" });
export const forbidden = (message = "You do not have access to this"): AppError =>
  new AppError("FORBIDDEN", message, { key: "errors.forbidden" });
