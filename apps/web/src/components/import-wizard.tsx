import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCsvMapping } from "../hooks/use-csv-mapping.ts";
import { useImportUpload } from "../hooks/use-import-upload.ts";
import type { ImportKind } from "../lib/ledger-api-types.ts";
import { todayLocalIso } from "../lib/local-date.ts";
import { CsvMappingStep } from "./csv-mapping-step.tsx";
import { type FecOptions, ImportFileStep } from "./import-file-step.tsx";
import { ImportRunStep } from "./import-run-step.tsx";
import { WorkbookSheetPicker } from "./workbook-sheet-picker.tsx";

const FEC_DEFAULTS: FecOptions = { accountPrefix: "411", defaultTermsDays: "30" };

/**
 * Import wizard: file → (CSV only) column mapping and preview → import with live progress → result. The steps
 * appear one below the other as they become possible, so earlier choices stay in view and editable.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>("csv");
  const [file, setFile] = useState<File | null>(null);
  /** A workbook's sheet to import; null: its first (or a text file). */
  const [sheet, setSheet] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(todayLocalIso);
  const [fec, setFec] = useState<FecOptions>(FEC_DEFAULTS);
  const [acceptValidRows, setAcceptValidRows] = useState(false);
  const csv = useCsvMapping(kind === "csv" ? file : null, sheet);
  const upload = useImportUpload();
  const running = upload.state.phase === "running";

  const fecValid = /^\d{1,8}$/.test(fec.accountPrefix) && /^\d{1,3}$/.test(fec.defaultTermsDays) && Number(fec.defaultTermsDays) <= 365;
  const csvReady = csv.mapping !== null && csv.preview !== null && csv.preview.missingRequired.length === 0 && csv.preview.mappingProblem === null;
  const blockedBy = !file
    ? t("imports.run.chooseFile")
    : kind === "csv" && !csvReady
      ? t("imports.run.fixMapping")
      : asOf === "" || (kind === "fec" && !fecValid)
        ? t("errors.invalidInput")
        : null;

  const start = () => {
    if (!file || blockedBy) return;
    const common = { file, asOf, acceptValidRows };
    void upload.start(
      kind === "csv"
        ? { ...common, kind, mapping: csv.mapping, sheet }
        : kind === "fec"
          ? { ...common, kind, accountPrefix: fec.accountPrefix, defaultTermsDays: Number(fec.defaultTermsDays) }
          : { ...common, kind },
    );
  };

  const showCsvSteps = kind === "csv" && file !== null;
  return (
    <div className="wizard" data-testid="import-wizard">
      <ImportFileStep
        kind={kind}
        onKindChange={(k) => {
          setKind(k);
          upload.reset();
        }}
        file={file}
        onFileChange={(f) => {
          setFile(f);
          setSheet(null);
          upload.reset();
        }}
        asOf={asOf}
        onAsOfChange={setAsOf}
        fec={fec}
        onFecChange={setFec}
        disabled={running}
      >
        {/* kept while another sheet is read, and when one cannot be previewed, so that another can be chosen */}
        {kind === "csv" && csv.sheets && (
          <WorkbookSheetPicker
            sheets={csv.sheets}
            sheet={sheet}
            disabled={running}
            onChange={(s) => {
              setSheet(s);
              upload.reset();
            }}
          />
        )}
      </ImportFileStep>
      {showCsvSteps && <CsvMappingStep csv={csv} steps={[2, 3]} />}
      {file !== null && (
        <ImportRunStep
          n={kind === "csv" ? 4 : 2}
          acceptValidRows={acceptValidRows}
          onAcceptValidRowsChange={setAcceptValidRows}
          blockedBy={blockedBy}
          onStart={start}
          upload={upload.state}
        />
      )}
    </div>
  );
}
