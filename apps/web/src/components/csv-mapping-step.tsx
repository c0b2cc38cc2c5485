import { useTranslation } from "react-i18next";
import type { CsvMapping } from "../hooks/use-csv-mapping.ts";
import { isCanonicalField } from "../lib/column-mapping-form.ts";
import { ColumnMappingEditor } from "./column-mapping-editor.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { ImportFormatOptions } from "./import-format-options.tsx";
import { ImportPreviewTable } from "./import-preview-table.tsx";
import { Loading } from "./loading.tsx";
import { SavedMappingControls } from "./saved-mapping-controls.tsx";
import { WizardStep } from "./wizard-step.tsx";

export interface CsvMappingStepProps {
  csv: CsvMapping;
  /** Step numbers of the mapping and the preview. */
  steps: [number, number];
}

/** The CSV-only steps: map the file's columns to the canonical ones, then check the first rows. */
export function CsvMappingStep({ csv, steps }: CsvMappingStepProps) {
  const { t } = useTranslation();
  if (csv.readFailed) {
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message">
        <p>{t("imports.readFailed")}</p>
      </div>
    );
  }
  if (!csv.preview || !csv.mapping) {
    return csv.previewError ? <ErrorMessage error={csv.previewError} /> : csv.loading ? <Loading label={t("imports.readingFile")} /> : null;
  }
  const { preview, mapping, editMapping } = csv;
  return (
    <>
      <WizardStep n={steps[0]} title={t("imports.mapping.title")} testId="mapping-step">
        <p className="muted">{t("imports.mapping.intro")}</p>
        <ImportFormatOptions mapping={mapping} onChange={editMapping} detectedDelimiter={preview.delimiter} />
        <ColumnMappingEditor header={preview.header} mapping={mapping} onChange={editMapping} missingRequired={preview.missingRequired} />
        {preview.unusedColumns.length > 0 && (
          <p className="hint" data-testid="mapping-unused">
            {t("imports.mapping.unusedColumns", { columns: preview.unusedColumns.join(", ") })}
          </p>
        )}
        <SavedMappingControls mapping={mapping} onLoad={(loaded) => editMapping(() => loaded)} />
      </WizardStep>
      <WizardStep n={steps[1]} title={t("imports.preview.title")} testId="preview-step">
        <p className="muted">{t("imports.preview.intro")}</p>
        {csv.previewError ? <ErrorMessage error={csv.previewError} /> : null}
        {preview.missingRequired.length > 0 && (
          <div className="alert alert-error" role="alert" data-testid="mapping-missing-required">
            <p>{t("imports.mapping.missingRequired", { fields: preview.missingRequired.map((f) => (isCanonicalField(f) ? t(`imports.fields.${f}`) : f)).join(", ") })}</p>
          </div>
        )}
        {preview.mappingProblem && preview.missingRequired.length === 0 && (
          <div className="alert alert-error" role="alert" data-testid="mapping-problem">
            <p>{t("imports.mapping.problem", { problem: preview.mappingProblem })}</p>
          </div>
        )}
        {csv.previewUpdating && <Loading label={t("imports.preview.updating")} />}
        <ImportPreviewTable preview={preview} mapping={mapping} stale={csv.previewUpdating} />
      </WizardStep>
    </>
  );
}
