import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { formatFileSize } from "../lib/file-size.ts";
import type { ImportKind } from "../lib/ledger-api-types.ts";
import { WizardStep } from "./wizard-step.tsx";

export interface FecOptions {
  accountPrefix: string;
  defaultTermsDays: string;
}

export interface ImportFileStepProps {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  file: File | null;
  onFileChange: (file: File | null) => void;
  asOf: string;
  onAsOfChange: (asOf: string) => void;
  fec: FecOptions;
  onFecChange: (fec: FecOptions) => void;
  disabled?: boolean;
  /** More about the file once it is read (a workbook's sheet). */
  children?: ReactNode;
}

const KINDS = ["csv", "fec", "camt"] as const satisfies readonly ImportKind[];
const ACCEPT: Record<ImportKind, string> = {
  csv: ".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  fec: ".txt,.csv,.fec,text/plain",
  camt: ".xml,.053,.054,application/xml,text/xml",
};

/** Step 1: what kind of file, the file itself (and which of a workbook's sheets), the date its balances are as of, and the FEC's options. */
export function ImportFileStep(props: ImportFileStepProps) {
  const { kind, file, asOf, fec, disabled = false } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <WizardStep n={1} title={t("imports.fileStep")} testId="file-step">
      <fieldset className="fieldset" disabled={disabled}>
        <legend>{t("imports.kind.legend")}</legend>
        <div className="choice-list">
          {KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="import-kind" value={k} checked={kind === k} data-testid={`import-kind-${k}`} onChange={() => props.onKindChange(k)} />
              {t(`imports.kind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form form-row">
        <div className="field">
          <label htmlFor="import-file">{t("imports.file")}</label>
          <input
            id="import-file"
            data-testid="import-file"
            type="file"
            accept={ACCEPT[kind]}
            disabled={disabled}
            aria-describedby="import-file-hint"
            onChange={(e) => props.onFileChange(e.target.files?.[0] ?? null)}
          />
          <p className="hint" id="import-file-hint">
            {file ? t("imports.fileChosen", { name: file.name, size: formatFileSize(file.size, format.locale) }) : t(`imports.fileHint.${kind}`)}
          </p>
        </div>
        <div className="field">
          <label htmlFor="import-as-of">{t("imports.asOf")}</label>
          <input
            id="import-as-of"
            data-testid="import-as-of"
            type="date"
            required
            disabled={disabled}
            value={asOf}
            aria-describedby="import-as-of-hint"
            onChange={(e) => props.onAsOfChange(e.target.value)}
          />
          <p className="hint" id="import-as-of-hint">
            {t("imports.asOfHint")}
          </p>
        </div>
      </div>
      {props.children}
      {kind === "fec" && (
        <div className="form form-row">
          <div className="field">
            <label htmlFor="fec-account-prefix">{t("imports.fec.accountPrefix")}</label>
            <input
              id="fec-account-prefix"
              data-testid="fec-account-prefix"
              type="text"
              inputMode="numeric"
              pattern="[0-9]{1,8}"
              maxLength={8}
              required
              disabled={disabled}
              value={fec.accountPrefix}
              aria-describedby="fec-account-prefix-hint"
              onChange={(e) => props.onFecChange({ ...fec, accountPrefix: e.target.value })}
            />
            <p className="hint" id="fec-account-prefix-hint">
              {t("imports.fec.accountPrefixHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="fec-default-terms">{t("imports.fec.defaultTermsDays")}</label>
            <input
              id="fec-default-terms"
              data-testid="fec-default-terms"
              type="number"
              min={0}
              max={365}
              step={1}
              required
              disabled={disabled}
              value={fec.defaultTermsDays}
              aria-describedby="fec-default-terms-hint"
              onChange={(e) => props.onFecChange({ ...fec, defaultTermsDays: e.target.value })}
            />
            <p className="hint" id="fec-default-terms-hint">
              {t("imports.fec.defaultTermsDaysHint")}
            </p>
          </div>
        </div>
      )}
    </WizardStep>
  );
}
