import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
  testId?: string;
}

const copyText = async (text: string, input: HTMLInputElement | null): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard permission (or an insecure origin): fall back to the selection
    if (!input) return false;
    input.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
};

/** A read-only value with a copy button. */
export function CopyField({ id, label, value, testId }: CopyFieldProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input id={id} ref={inputRef} type="text" readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button"
          data-testid={testId ? `${testId}-copy` : undefined}
          onClick={() => void copyText(value, inputRef.current).then(setCopied)}
        >
          {t("members.copy")}
        </button>
      </div>
      <p className="hint" role="status">
        {copied === true ? t("members.copied") : copied === false ? t("members.copyFailed") : ""}
      </p>
    </div>
  );
}
