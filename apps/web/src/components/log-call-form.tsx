import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { CALL_OUTCOMES } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

type Outcome = (typeof CALL_OUTCOMES)[number];

/** The outcome of a call, a note, and when to act next. */
/** With `actionId` (a planned call task), the call also marks the task done. */
export function LogCallForm({ caseId, actionId, onDone, autoFocus = false }: { caseId: string; actionId?: string; onDone?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useCaseMutationDone();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>("reached");
  const [note, setNote] = useState("");
  const [nextActionDate, setNextActionDate] = useState("");
  const onSuccess = () => {
    setNote("");
    setNextActionDate("");
    done();
    onDone?.();
  };
  const caseCall = useMutation(trpc.cases.logCall.mutationOptions({ onSuccess }));
  const taskDone = useMutation(trpc.worklist.markDone.mutationOptions({ onSuccess }));
  const logCall = actionId ? taskDone : caseCall;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (actionId) taskDone.mutate({ actionId, outcome, note });
    else caseCall.mutate({ caseId, outcome, note, ...(nextActionDate ? { nextActionDate } : {}) });
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="log-call" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("caseWork.logCall")}</h3>
      <label htmlFor={`${id}-outcome`}>{t("caseWork.outcome")}</label>
      <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="call-outcome" autoFocus={autoFocus}>
        {CALL_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`caseWork.callOutcomes.${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t("caseWork.note")}</label>
      <textarea id={`${id}-note`} value={note} maxLength={4000} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="call-note" />
      {!actionId && (
        <>
          <label htmlFor={`${id}-next`}>{t("caseWork.nextDate")}</label>
          <input id={`${id}-next`} type="date" value={nextActionDate} onChange={(e) => setNextActionDate(e.target.value)} data-testid="call-next-date" />
        </>
      )}
      {logCall.isError && <ErrorMessage error={logCall.error} />}
      <button type="submit" className="button" disabled={logCall.isPending} data-testid="call-submit">
        {logCall.isPending ? t("caseWork.saving") : t("caseWork.saveCall")}
      </button>
    </form>
  );
}
