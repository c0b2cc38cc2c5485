import type { AppErrorCode } from "@relance/domain";

type GenericKey = "errors.unauthorized" | "errors.forbidden" | "errors.notFound" | "errors.socketInternal";
type Translate = (key: GenericKey) => string;

/** i18n keys of the socket refusals that say the same thing whatever the event. */
const GENERIC: Partial<Record<AppErrorCode, GenericKey>> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  INTERNAL: "errors.socketInternal",
};

/**
 * A socket acknowledgment's refusal in the interface's language: the generic ones are translated; a validation
 * refusal (BAD_REQUEST and the like) keeps the server's words, which name the field and the limit.
 */
export const ackErrorText = (error: { code: AppErrorCode; message: string }, t: Translate): string => {
  const key = GENERIC[error.code];
  return key ? t(key) : error.message;
};
