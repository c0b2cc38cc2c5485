import { DISPUTE_RESOLUTIONS, type DisputeResolution } from "@relance/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { amountInputText, parseAmountText } from "../lib/amount-text.ts";
import type { Dispute } from "../lib/dispute-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** Ends a dispute: a credit note for the whole claim, a partial one, or a rejection; with a comment for the timeline. */
export function ResolveDisputeForm({ dispute, onDone }: { dispute: Dispute; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caseDone = useCaseMutationDone();
  const id = useId();
  const [resolution, setResolution] = useState<DisputeResolution>("credit_note");
  const [amount, setAmount] = useState(amountInputText(dispute.disputedMinor));
  const [note, setNote] = useState("");
  const [amountError, setAmountError] = useState(false);
  const resolve = useMutation(
    trpc.disputes.resolve.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.disputes.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.invoices.pathKey() });
        caseDone();
        onDone();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (resolution === "rejected") return resolve.mutate({ disputeId: dispute.id, resolution, ...(note.trim() ? { note } : {}) });
    const parsed = parseAmountText(amount);
    const ok = parsed.ok && parsed.minor !== null && parsed.minor > 0;
    setAmountError(!ok);
    if (!parsed.ok || parsed.minor === null || !ok) return;
    resolve.mutate({ disputeId: dispute.id, resolution, creditedMinor: parsed.minor, ...(note.trim() ? { note } : {}) });
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="resolve-dispute-form" noValidate>
      <fieldset>
        <legend>{t("disputes.resolution")}</legend>
        {DISPUTE_RESOLUTIONS.map((r) => (
          <label key={r} className="checkbox-row">
            <input type="radio" name={`${id}-resolution`} value={r} checked={resolution === r} onChange={() => setResolution(r)} data-testid={`resolution-${r}`} />
            {t(`disputes.resolutions.${r}`)}
          </label>
        ))}
      </fieldset>
      {resolution !== "rejected" && (
        <>
          <label htmlFor={`${id}-amount`}>{t("disputes.credited", { currency: dispute.currency })}</label>
          <input
            id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={amountError}
            aria-describedby={amountError ? `${id}-amount-error` : undefined} data-testid="resolve-amount"
          />
          {amountError && <p id={`${id}-amount-error`} className="field-error" role="alert">{t("disputes.invalidAmount")}</p>}
        </>
      )}
      <label htmlFor={`${id}-note`}>{t("disputes.note")}</label>
      <textarea id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} data-testid="resolve-note" />
      {resolve.isError && <ErrorMessage error={resolve.error} />}
      <button type="submit" className="button" disabled={resolve.isPending} data-testid="resolve-submit">
        {resolve.isPending ? t("disputes.saving") : t("disputes.resolveSubmit")}
      </button>
    </form>
  );
}
