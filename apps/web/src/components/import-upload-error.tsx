import { useTranslation } from "react-i18next";
import { ImportUploadError } from "../lib/import-upload.ts";

/** Why an upload was refused before the import ran, in the reader's language when the reason is a known one. */
export function ImportUploadErrorMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  const upload = error instanceof ImportUploadError ? error : null;
  const text =
    upload?.status === null
      ? t("errors.network")
      : upload?.status === 401
        ? t("errors.unauthorized")
        : upload?.status === 403
          ? t("errors.forbidden")
          : upload?.status !== undefined && upload.status >= 500
            ? t("imports.result.requestFailed", { status: upload.status })
            : t("imports.result.uploadFailed", { message: error.message });
  const fields = upload?.fields ?? [];
  return (
    <div className="alert alert-error" role="alert" data-testid="import-error">
      <p>{text}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <strong>{f.path}</strong> — {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
