import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { CASE_STAGES, CLOSE_REASONS, type CaseStage } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

type CloseReason = (typeof CLOSE_REASONS)[number];

/** An explicit move to another stage, with why; closing names how the case ended. */
export function ChangeStageForm({ caseId, current }: { caseId: string; current: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useCaseMutationDone();
  const id = useId();
  const [stage, setStage] = useState<CaseStage>(CASE_STAGES.find((s) => s !== current) ?? "reminder_2");
  const [closedReason, setClosedReason] = useState<CloseReason>("paid");
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.cases.changeStage.mutationOptions({
      onSuccess: () => {
        setReason("");
        done();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ caseId, stage, reason, ...(stage === "closed" ? { closedReason } : {}) });
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="change-stage" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("caseWork.changeStage")}</h3>
      <label htmlFor={`${id}-stage`}>{t("caseWork.newStage")}</label>
      <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.target.value as CaseStage)} data-testid="stage-select">
        {CASE_STAGES.map((s) => (
          <option key={s} value={s}>
            {t(`caseWork.stages.${s}`)}
          </option>
        ))}
      </select>
      {stage === "closed" && (
        <>
          <label htmlFor={`${id}-closed`}>{t("caseWork.closeReason")}</label>
          <select id={`${id}-closed`} value={closedReason} onChange={(e) => setClosedReason(e.target.value as CloseReason)} data-testid="stage-close-reason">
            {CLOSE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`caseWork.closeReasons.${r}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-reason`}>{t("caseWork.reason")}</label>
      <input id={`${id}-reason`} value={reason} required maxLength={1000} onChange={(e) => setReason(e.target.value)} data-testid="stage-reason" />
      {change.isError && <ErrorMessage error={change.error} />}
      <button type="submit" className="button" disabled={change.isPending} data-testid="stage-submit">
        {change.isPending ? t("caseWork.saving") : t("caseWork.saveStage")}
      </button>
    </form>
  );
}
