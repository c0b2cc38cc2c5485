import { LOCALES, isLocale } from "@relance/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLocale } from "../hooks/use-change-locale.ts";
import { ErrorMessage } from "./error-message.tsx";

export interface LanguageSelectProps {
  testId?: string;
  className?: string;
  /** Show the label visually (else it is only read by assistive technology). */
  showLabel?: boolean;
  /** Say when the choice was saved to the account, or why it was not. */
  showStatus?: boolean;
}

/** Français / English; saved to the account when signed in, remembered on this device in any case. */
export function LanguageSelect({ testId = "language-select", className, showLabel = false, showStatus = false }: LanguageSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const { locale, change, saved, error } = useChangeLocale();
  return (
    <div className={["language-select", className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={showLabel ? undefined : "visually-hidden"}>
        {t("language.label")}
      </label>
      <select
        id={id}
        data-testid={testId}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) change(event.target.value);
        }}
        aria-invalid={error ? true : undefined}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      {showStatus && saved && (
        <p role="status" className="muted">
          {t("account.languageSaved")}
        </p>
      )}
      {showStatus && error != null && <ErrorMessage error={error} />}
    </div>
  );
}
