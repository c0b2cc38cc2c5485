import type { AckError, AppErrorCode } from "@relance/domain";
import type { TFunction } from "i18next";
import { translateErrorKey } from "./error-keys.ts";

type Translate = TFunction<"translation">;

/** What a refusal without a key the interface knows says, when it says the same whatever the event. */
const GENERIC: Partial<Record<AppErrorCode, "errors.unauthorized" | "errors.forbidden" | "errors.notFound" | "errors.socketInternal">> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  INTERNAL: "errors.socketInternal",
};

/**
 * A socket acknowledgment's refusal in the interface's language: by its key, with the wording tRPC errors get; else
 * by its code for the generic ones; else the server's words. A validation refusal keeps the server's words, which
 * name the field and the limit (an ack carries no field list to show beside a generic sentence).
 */
export const ackErrorText = (error: AckError, t: Translate): string => {
  const translated = error.key === "errors.invalidInput" ? null : translateErrorKey(t, error.key);
  if (translated !== null) return translated;
  const generic = GENERIC[error.code];
  return generic ? t(generic) : error.message;
};
