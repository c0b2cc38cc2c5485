import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { parseAmountText } from "../lib/amount-text.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** A debtor's promise to pay an amount by a date; dunning of the case waits until then. */
export function RecordPromiseForm({ caseId, currency, onDone, autoFocus = false }: { caseId: string; currency: "EUR" | "CHF"; onDone?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useCaseMutationDone();
  const id = useId();
  const [amount, setAmount] = useState("");
  const [promisedFor, setPromisedFor] = useState("");
  const [promisedBy, setPromisedBy] = useState("");
  const [amountError, setAmountError] = useState(false);
  const record = useMutation(
    trpc.cases.recordPromise.mutationOptions({
      onSuccess: () => {
        setAmount("");
        setPromisedFor("");
        setPromisedBy("");
        done();
        onDone?.();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountText(amount);
    const ok = parsed.ok && parsed.minor !== null && parsed.minor > 0;
    setAmountError(!ok);
    if (!ok || !parsed.ok || parsed.minor === null) return;
    record.mutate({ caseId, amountMinor: parsed.minor, currency, promisedFor, channel: "phone", ...(promisedBy ? { promisedBy } : {}) });
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="record-promise" aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{t("caseWork.recordPromise")}</h3>
      <label htmlFor={`${id}-amount`}>{t("caseWork.promiseAmount", { currency })}</label>
      <input
        id={`${id}-amount`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        aria-invalid={amountError}
        aria-describedby={amountError ? `${id}-amount-error` : undefined}
        data-testid="promise-amount"
        autoFocus={autoFocus}
        required
      />
      {amountError && (
        <p id={`${id}-amount-error`} className="field-error" role="alert">
          {t("caseWork.invalidAmount")}
        </p>
      )}
      <label htmlFor={`${id}-date`}>{t("caseWork.promiseDate")}</label>
      <input id={`${id}-date`} type="date" value={promisedFor} onChange={(e) => setPromisedFor(e.target.value)} data-testid="promise-date" required />
      <label htmlFor={`${id}-by`}>{t("caseWork.promisedBy")}</label>
      <input id={`${id}-by`} value={promisedBy} maxLength={200} onChange={(e) => setPromisedBy(e.target.value)} data-testid="promise-by" />
      {record.isError && <ErrorMessage error={record.error} />}
      <button type="submit" className="button" disabled={record.isPending} data-testid="promise-submit">
        {record.isPending ? t("caseWork.saving") : t("caseWork.promiseSubmit")}
      </button>
    </form>
  );
}
