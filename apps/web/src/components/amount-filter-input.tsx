import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useDraftInput } from "../hooks/use-draft-input.ts";
import { amountInputText, parseAmountText } from "../lib/amount-text.ts";

export interface AmountFilterInputProps {
  label: string;
  /** Minor units; null for no bound. */
  value: number | null;
  onChange: (minor: number | null) => void;
  testId: string;
}

const parse = (text: string) => {
  const parsed = parseAmountText(text);
  return parsed.ok ? { ok: true as const, value: parsed.minor } : { ok: false as const };
};

/** A bound on an amount, typed in major units (1500 or 1500,50) and applied once typing pauses. */
export function AmountFilterInput({ label, value, onChange, testId }: AmountFilterInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraftInput(value, onChange, { parse, format: amountInputText });
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        inputMode="decimal"
        autoComplete="off"
        value={draft.text}
        aria-invalid={draft.invalid || undefined}
        aria-describedby={draft.invalid ? `${id}-error` : undefined}
        onChange={(e) => draft.setText(e.target.value)}
      />
      {draft.invalid && (
        <p id={`${id}-error`} className="hint hint-error">
          {t("invoices.amountInvalid")}
        </p>
      )}
    </div>
  );
}
