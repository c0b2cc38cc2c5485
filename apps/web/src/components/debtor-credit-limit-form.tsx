import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebtorChanged } from "../hooks/use-debtor-changed.ts";
import { amountInputText, parseAmountText } from "../lib/amount-text.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** The credit limit the debtor is allowed, in the tenant's currency; an empty field is no limit. */
export function DebtorCreditLimitForm({ debtorId, creditLimitMinor, currency }: { debtorId: string; creditLimitMinor: number | null; currency: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useDebtorChanged();
  const [text, setText] = useState(amountInputText(creditLimitMinor));
  const [invalid, setInvalid] = useState(false);
  const save = useMutation(
    trpc.debtors.setCreditLimit.mutationOptions({ onSuccess: changed }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountText(text);
    const ok = parsed.ok && (parsed.minor === null || parsed.minor >= 0);
    setInvalid(!ok);
    if (ok && parsed.ok) save.mutate({ debtorId, creditLimitMinor: parsed.minor });
  };
  return (
    <form className="form form-row" onSubmit={submit} noValidate data-testid="debtor-credit-limit-form">
      <div className="field field-inline">
        <label htmlFor="debtor-credit-limit">{t("debtor.creditLimitIn", { currency })}</label>
        <input
          id="debtor-credit-limit"
          data-testid="debtor-credit-limit-input"
          inputMode="decimal"
          placeholder={t("debtor.noCreditLimit")}
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? "debtor-credit-limit-error" : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {invalid && (
          <p id="debtor-credit-limit-error" className="field-error" data-testid="debtor-credit-limit-error">
            {t("debtor.creditLimitInvalid")}
          </p>
        )}
      </div>
      <button type="submit" className="button" data-testid="debtor-credit-limit-save" disabled={save.isPending}>
        {t("debtor.saveCreditLimit")}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
