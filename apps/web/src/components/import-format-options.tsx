import { useTranslation } from "react-i18next";
import { DATE_FORMAT_CHOICES, DECIMAL_CHOICES, DELIMITER_CHOICES, ENCODING_CHOICES, optionsOf, withOption } from "../lib/column-mapping-form.ts";
import type { ColumnMappingDraft } from "../lib/ledger-api-types.ts";

export interface ImportFormatOptionsProps {
  mapping: ColumnMappingDraft;
  onChange: (update: (mapping: ColumnMappingDraft) => ColumnMappingDraft) => void;
  /** The delimiter the server found in the sample, shown when "automatic" is chosen. */
  detectedDelimiter: string | null;
}

const delimiterName = (delimiter: string | null) => DELIMITER_CHOICES.find((c) => c.delimiter === delimiter)?.label;

/** How to read the file: delimiter, decimal separator, date layout and text encoding ("automatic" by default). */
export function ImportFormatOptions({ mapping, onChange, detectedDelimiter }: ImportFormatOptionsProps) {
  const { t } = useTranslation();
  const options = optionsOf(mapping);
  const delimiterChoice = DELIMITER_CHOICES.find((c) => c.delimiter === options.delimiter)?.value ?? "auto";
  const decimalChoice = DECIMAL_CHOICES.find((c) => c.separator === options.decimalSeparator)?.value ?? "auto";
  const detected = delimiterName(detectedDelimiter);
  return (
    <fieldset className="fieldset">
      <legend>{t("imports.options.title")}</legend>
      <div className="form form-row">
        <div className="field">
          <label htmlFor="option-delimiter">{t("imports.options.delimiter")}</label>
          <select
            id="option-delimiter"
            data-testid="option-delimiter"
            value={delimiterChoice}
            aria-describedby="option-delimiter-hint"
            onChange={(e) => {
              const choice = DELIMITER_CHOICES.find((c) => c.value === e.target.value);
              if (choice) onChange((m) => withOption(m, "delimiter", choice.delimiter));
            }}
          >
            {DELIMITER_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label === "auto" ? t("imports.options.auto") : t(`imports.options.delimiters.${c.label}`)}
              </option>
            ))}
          </select>
          <p className="hint" id="option-delimiter-hint">
            {delimiterChoice === "auto" && detected && detected !== "auto"
              ? t("imports.options.detected", { value: t(`imports.options.delimiters.${detected}`) })
              : ""}
          </p>
        </div>
        <div className="field">
          <label htmlFor="option-decimal-separator">{t("imports.options.decimalSeparator")}</label>
          <select
            id="option-decimal-separator"
            data-testid="option-decimal-separator"
            value={decimalChoice}
            onChange={(e) => {
              const choice = DECIMAL_CHOICES.find((c) => c.value === e.target.value);
              if (choice) onChange((m) => withOption(m, "decimalSeparator", choice.separator));
            }}
          >
            {DECIMAL_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label === "auto" ? t("imports.options.auto") : t(`imports.options.decimals.${c.label}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="option-date-format">{t("imports.options.dateFormat")}</label>
          <select
            id="option-date-format"
            data-testid="option-date-format"
            value={options.dateFormat}
            onChange={(e) => {
              const choice = DATE_FORMAT_CHOICES.find((c) => c.value === e.target.value);
              if (choice) onChange((m) => withOption(m, "dateFormat", choice.value));
            }}
          >
            {DATE_FORMAT_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label === "auto" ? t("imports.options.auto") : t(`imports.options.dateFormats.${c.label}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="option-encoding">{t("imports.options.encoding")}</label>
          <select
            id="option-encoding"
            data-testid="option-encoding"
            value={options.encoding}
            onChange={(e) => {
              const choice = ENCODING_CHOICES.find((c) => c === e.target.value);
              if (choice) onChange((m) => withOption(m, "encoding", choice));
            }}
          >
            {ENCODING_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c === "auto" ? t("imports.options.auto") : c.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
