import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { CaseDetail } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { ErrorMessage } from "./error-message.tsx";

export function CasePromises({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const done = useCaseMutationDone();
  const cancel = useMutation(trpc.cases.cancelPromise.mutationOptions({ onSuccess: done }));
  if (detail.pendingPromises.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="case-promises-title">
      <h2 id="case-promises-title">{t("caseWork.pendingPromises")}</h2>
      <ul data-testid="pending-promises">
        {detail.pendingPromises.map((p) => (
          <li key={p.id} data-testid="pending-promise">
            {t("caseWork.promiseLine", { amount: format.money(p.amountMinor, p.currency), date: format.calendarDate(p.promisedFor) })}{" "}
            {canWrite && (
              <ConfirmButton label={t("caseWork.cancelPromise")} confirmLabel={t("caseWork.confirmCancelPromise")} onConfirm={() => cancel.mutate({ promiseId: p.id })} disabled={cancel.isPending} />
            )}
          </li>
        ))}
      </ul>
      {cancel.isError && <ErrorMessage error={cancel.error} />}
    </section>
  );
}
