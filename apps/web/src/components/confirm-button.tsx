import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface ConfirmButtonProps {
  label: string;
  /** Accessible name of the first button when `label` alone is ambiguous in a table. */
  ariaLabel?: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
}

/** A destructive action in two steps, inline (no modal): the first click asks, the second does it. */
export function ConfirmButton({ label, ariaLabel, confirmLabel, onConfirm, disabled = false, testId }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-small" aria-label={ariaLabel} disabled={disabled} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-group">
      <button
        type="button"
        className="button button-small button-danger"
        disabled={disabled}
        data-testid={testId ? `${testId}-confirm` : undefined}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-small button-quiet" onClick={() => setAsking(false)}>
        {t("members.cancel")}
      </button>
    </span>
  );
}
