import { useTranslation } from "react-i18next";
import type { ImportUploadState } from "../hooks/use-import-upload.ts";
import { ImportProgressBar } from "./import-progress-bar.tsx";
import { ImportResult } from "./import-result.tsx";
import { ImportUploadErrorMessage } from "./import-upload-error.tsx";
import { WizardStep } from "./wizard-step.tsx";

export interface ImportRunStepProps {
  n: number;
  acceptValidRows: boolean;
  onAcceptValidRowsChange: (accept: boolean) => void;
  /** Why the import cannot start yet, or null when it can. */
  blockedBy: string | null;
  onStart: () => void;
  upload: ImportUploadState;
}

/** The last step: start the import, follow its progress, read its result. */
export function ImportRunStep({ n, acceptValidRows, onAcceptValidRowsChange, blockedBy, onStart, upload }: ImportRunStepProps) {
  const { t } = useTranslation();
  const running = upload.phase === "running";
  return (
    <WizardStep n={n} title={t("imports.run.title")} testId="run-step">
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            data-testid="accept-valid-rows"
            checked={acceptValidRows}
            disabled={running}
            aria-describedby="accept-valid-rows-hint"
            onChange={(e) => onAcceptValidRowsChange(e.target.checked)}
          />
          {t("imports.run.acceptValidRows")}
        </label>
        <p className="hint" id="accept-valid-rows-hint">
          {t("imports.run.acceptValidRowsHint")}
        </p>
      </div>
      <div className="actions-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="import-start"
          disabled={running || blockedBy !== null}
          aria-describedby={blockedBy ? "import-blocked" : undefined}
          onClick={onStart}
        >
          {running ? t("imports.run.running") : t("imports.run.start")}
        </button>
        {blockedBy && (
          <p className="hint" id="import-blocked">
            {blockedBy}
          </p>
        )}
      </div>
      {upload.phase === "running" && <ImportProgressBar fileSize={upload.fileSize} progress={upload.progress} finished={upload.finished} />}
      {upload.phase === "error" && <ImportUploadErrorMessage error={upload.error} />}
      {upload.phase === "done" && <ImportResult summary={upload.summary} />}
    </WizardStep>
  );
}
