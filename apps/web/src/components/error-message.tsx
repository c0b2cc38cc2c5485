import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { translateErrorKey } from "../lib/error-keys.ts";
import { errorDataOf, isApiError } from "../lib/errors.ts";

type Translate = TFunction<"translation">;

const FIELD_LABELS = {
  email: "fields.email",
  password: "fields.password",
  displayName: "fields.displayName",
  currentPassword: "fields.currentPassword",
  newPassword: "fields.newPassword",
  role: "fields.role",
  token: "fields.token",
  search: "fields.search",
} as const;

const fieldLabel = (t: Translate, path: string): string =>
  Object.hasOwn(FIELD_LABELS, path) ? t(FIELD_LABELS[path as keyof typeof FIELD_LABELS]) : path;

/** The sentence to show for an error: translated when its key is known, else the server's own message. */
export const describeApiError = (t: Translate, error: unknown): string => {
  const data = errorDataOf(error);
  const translated = data ? translateErrorKey(t, data.key, data) : null;
  if (translated !== null) return translated;
  if (isApiError(error)) {
    // no data: the request never got a tRPC answer (offline, proxy error, server down)
    if (!data) return t("errors.network");
    if (data.code === "INTERNAL_SERVER_ERROR") return translateErrorKey(t, "errors.internal", data)!;
    return error.message;
  }
  return error instanceof Error ? error.message : t("errors.network");
};

export interface ErrorMessageProps {
  error: unknown;
  className?: string;
}

/** An API error as a readable alert: its translated text and, when the server named them, the fields to fix. */
export function ErrorMessage({ error, className }: ErrorMessageProps) {
  const { t } = useTranslation();
  if (error == null) return null;
  const fields = errorDataOf(error)?.fields ?? [];
  return (
    <div className={["alert", "alert-error", className].filter(Boolean).join(" ")} role="alert" data-testid="error-message">
      <p>{describeApiError(t, error)}</p>
      {fields.length > 0 && (
        <>
          <p className="alert-detail">{t("errors.fields")}</p>
          <ul>
            {fields.map((field) => (
              <li key={`${field.path}:${field.message}`}>
                <strong>{fieldLabel(t, field.path)}</strong> — {field.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
