import { useTranslation } from "react-i18next";

export interface WorkbookSheetPickerProps {
  sheets: string[];
  /** The sheet chosen; null: the first. */
  sheet: string | null;
  onChange: (sheet: string) => void;
  disabled?: boolean;
}

/** Which sheet of a workbook holds the open items: shown only when there is more than one. */
export function WorkbookSheetPicker({ sheets, sheet, onChange, disabled = false }: WorkbookSheetPickerProps) {
  const { t } = useTranslation();
  if (sheets.length < 2) return null;
  return (
    <div className="form form-row" data-testid="sheet-picker">
      <div className="field">
        <label htmlFor="import-sheet">{t("imports.sheet.label")}</label>
        <select
          id="import-sheet"
          data-testid="import-sheet"
          value={sheet ?? sheets[0]}
          disabled={disabled}
          aria-describedby="import-sheet-hint"
          onChange={(e) => onChange(e.target.value)}
        >
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <p className="hint" id="import-sheet-hint">
          {t("imports.sheet.hint", { number: sheets.length })}
        </p>
      </div>
    </div>
  );
}
