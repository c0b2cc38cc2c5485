import type { TFunction } from "i18next";

type Translate = TFunction<"translation">;

/** What some sentences need besides the key (tRPC errors carry both; socket refusals neither). */
export interface ErrorKeyData {
  retryAfterSeconds?: number | null;
  requestId?: string | null;
}

/**
 * The server's error keys (`AppError`'s `key`, carried by tRPC errors' `data.key` and socket acks' `error.key`) the
 * interface has its own wording for. Unknown keys fall back to the server's message.
 */
const KNOWN_KEYS = {
  "auth.invalidCredentials": (t) => t("errors.invalidCredentials"),
  "auth.throttled": (t, data) => t("errors.throttled", { seconds: data.retryAfterSeconds ?? 60 }),
  "errors.unauthorized": (t) => t("errors.unauthorized"),
  "errors.forbidden": (t) => t("errors.forbidden"),
  "errors.notFound": (t) => t("errors.notFound"),
  "errors.invalidInput": (t) => t("errors.invalidInput"),
  "errors.internal": (t, data) => t("errors.internal", { requestId: data.requestId ?? t("errors.unknownRequest") }),
  "invite.invalid": (t) => t("errors.inviteInvalid"),
  "invite.expired": (t) => t("errors.inviteExpired"),
  "invite.revoked": (t) => t("errors.inviteRevoked"),
  "invite.accepted": (t) => t("errors.inviteAccepted"),
  "invite.wrongPassword": (t) => t("errors.inviteWrongPassword"),
  "members.lastAdmin": (t) => t("errors.lastAdmin"),
  "account.wrongCurrentPassword": (t) => t("errors.wrongCurrentPassword"),
  "chat.readOnly": (t) => t("chat.readOnly"),
  "chat.editForbidden": (t) => t("errors.chatEditForbidden"),
  "chat.deleteForbidden": (t) => t("errors.chatDeleteForbidden"),
  "chat.messageDeleted": (t) => t("errors.chatMessageDeleted"),
  "chat.attachmentNotFound": (t) => t("errors.chatAttachmentNotFound"),
} satisfies Record<string, (t: Translate, data: ErrorKeyData) => string>;

export type KnownErrorKey = keyof typeof KNOWN_KEYS;

export const isKnownErrorKey = (key: string | null | undefined): key is KnownErrorKey => key != null && Object.hasOwn(KNOWN_KEYS, key);

/** The interface's sentence for a server error key, or null when it has none (show the server's message then). */
export const translateErrorKey = (t: Translate, key: string | null | undefined, data: ErrorKeyData = {}): string | null =>
  isKnownErrorKey(key) ? KNOWN_KEYS[key](t, data) : null;
