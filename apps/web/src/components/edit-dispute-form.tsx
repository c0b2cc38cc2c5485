import { DISPUTE_WRITERS, isRole } from "@relance/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { amountInputText, parseAmountText } from "../lib/amount-text.ts";
import type { Dispute } from "../lib/dispute-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** Changes what is disputed, who owns it, when it is due and who works on it; only what changed is sent. */
export function EditDisputeForm({ dispute, onDone }: { dispute: Dispute; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caseDone = useCaseMutationDone();
  const id = useId();
  const options = useQuery(trpc.disputes.formOptions.queryOptions({ caseId: dispute.caseId }));
  const [amount, setAmount] = useState(amountInputText(dispute.disputedMinor));
  const [ownerId, setOwnerId] = useState(dispute.ownerId ?? "");
  const [dueDate, setDueDate] = useState(dispute.dueDate);
  const before = dispute.participants.map((p) => p.userId);
  const [participants, setParticipants] = useState<string[]>(before);
  const [note, setNote] = useState("");
  const [amountError, setAmountError] = useState(false);
  const update = useMutation(
    trpc.disputes.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.disputes.pathKey() });
        caseDone();
        onDone();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountText(amount);
    const ok = parsed.ok && parsed.minor !== null && parsed.minor > 0;
    setAmountError(!ok);
    if (!parsed.ok || parsed.minor === null || !ok) return;
    update.mutate({
      disputeId: dispute.id,
      ...(parsed.minor !== dispute.disputedMinor ? { disputedMinor: parsed.minor } : {}),
      ...(ownerId && ownerId !== dispute.ownerId ? { ownerId } : {}),
      ...(dueDate !== dispute.dueDate ? { dueDate } : {}),
      addParticipantIds: participants.filter((p) => !before.includes(p)),
      removeParticipantIds: before.filter((p) => !participants.includes(p)),
      ...(note.trim() ? { note } : {}),
    });
  };
  const members = options.data?.members ?? [];
  const owners = members.filter((m) => isRole(m.role) && DISPUTE_WRITERS.includes(m.role));
  return (
    <form className="case-form dispute-form" onSubmit={submit} data-testid="edit-dispute-form" noValidate>
      <label htmlFor={`${id}-amount`}>{t("disputes.amount", { currency: dispute.currency })}</label>
      <input
        id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={amountError}
        aria-describedby={amountError ? `${id}-amount-error` : undefined} data-testid="edit-dispute-amount"
      />
      {amountError && <p id={`${id}-amount-error`} className="field-error" role="alert">{t("disputes.invalidAmount")}</p>}
      <label htmlFor={`${id}-owner`}>{t("disputes.owner")}</label>
      <select id={`${id}-owner`} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
        {ownerId === "" && <option value="">—</option>}
        {owners.map((m) => <option key={m.userId} value={m.userId}>{m.displayName}</option>)}
      </select>
      <label htmlFor={`${id}-due`}>{t("disputes.dueDate")}</label>
      <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <fieldset>
        <legend>{t("disputes.participants")}</legend>
        {members.map((m) => (
          <label key={m.userId} className="checkbox-row">
            <input
              type="checkbox" checked={participants.includes(m.userId)}
              onChange={() => setParticipants((p) => (p.includes(m.userId) ? p.filter((x) => x !== m.userId) : [...p, m.userId]))}
            />
            {m.displayName} ({isRole(m.role) ? t(`roles.${m.role}`) : m.role})
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>{t("disputes.note")}</label>
      <textarea id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      {update.isError && <ErrorMessage error={update.error} />}
      <button type="submit" className="button" disabled={update.isPending} data-testid="edit-dispute-submit">
        {update.isPending ? t("disputes.saving") : t("disputes.save")}
      </button>
    </form>
  );
}
