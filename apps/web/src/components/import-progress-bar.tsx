import type { ImportProgress } from "@relance/domain";
import { useTranslation } from "react-i18next";

export interface ImportProgressBarProps {
  fileSize: number;
  progress: ImportProgress | null;
  /** The server said the import is over; its summary is on its way. */
  finished: boolean;
}

/** Bytes read by the server over the file's size; indeterminate until the first progress event arrives. */
export function ImportProgressBar({ fileSize, progress, finished }: ImportProgressBarProps) {
  const { t } = useTranslation();
  const total = progress?.totalBytes ?? fileSize;
  const ratio = finished ? 1 : progress && total > 0 ? Math.min(1, progress.bytesRead / total) : null;
  return (
    <div className="import-progress" data-testid="import-running">
      <label htmlFor="import-progress">{t("imports.progress.label")}</label>
      {ratio === null ? (
        <progress id="import-progress" data-testid="import-progress" max={1} />
      ) : (
        <progress id="import-progress" data-testid="import-progress" max={1} value={ratio} />
      )}
      <p role="status" aria-live="polite" data-testid="import-progress-text">
        {progress
          ? [
              t("imports.progress.rowsRead", { count: progress.rowsRead }),
              progress.rowsRejected > 0 ? t("imports.progress.rejected", { count: progress.rowsRejected }) : null,
            ]
              .filter(Boolean)
              .join(", ")
          : t("imports.progress.uploading")}
      </p>
    </div>
  );
}
