import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { Dispute } from "../lib/dispute-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { CollaborativeNotes } from "./collaborative-notes.tsx";
import { DisputeClocks } from "./dispute-clocks.tsx";
import { EditDisputeForm } from "./edit-dispute-form.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { ModalDialog } from "./modal-dialog.tsx";
import { ResolveDisputeForm } from "./resolve-dispute-form.tsx";

/** One dispute: what is contested, its status and the moves allowed to the viewer, the SLA clocks, resolution, notes. */
export function DisputeCard({ dispute, receivedAt }: { dispute: Dispute; receivedAt: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caseDone = useCaseMutationDone();
  const format = useFormatters();
  const titleId = useId();
  const [resolving, setResolving] = useState(false);
  const [editing, setEditing] = useState(false);
  const move = useMutation(
    trpc.disputes.changeStatus.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.disputes.pathKey() });
        caseDone();
      },
    }),
  );
  const reason = i18n.language.startsWith("en") ? dispute.reason.labelEn : dispute.reason.labelFr;
  const resolved = dispute.status === "resolved";
  return (
    <article className="dispute-card" aria-labelledby={titleId} data-testid="dispute-card" data-status={dispute.status}>
      <header className="dispute-heading">
        <h3 id={titleId}>{t("disputes.disputeOn", { reason, amount: format.money(dispute.disputedMinor, dispute.currency) })}</h3>
        <span className={`badge dispute-status-${dispute.status}`} data-testid="dispute-status">{t(`disputes.statuses.${dispute.status}`)}</span>
        {!resolved && <span className="muted" data-testid="dispute-due">{t("disputes.due", { date: format.calendarDate(dispute.dueDate) })}</span>}
        {dispute.overdue && <span className="badge dispute-overdue" data-testid="dispute-overdue">{t("disputes.overdue")}</span>}
        {dispute.escalatedAt && !resolved && <span className="badge dispute-escalated" data-testid="dispute-escalated">{t("disputes.escalated")}</span>}
      </header>
      <p className="muted">
        {dispute.invoices.map((i) => i.number).join(", ")} · {t("disputes.openedBy", { name: dispute.openedByName ?? "—", date: format.dateTime(dispute.openedAt) })}
        {dispute.ownerName && <> · {t("disputes.owner")} : {dispute.ownerName}</>}
        {dispute.participants.length > 0 && <> · {t("disputes.participants")} : {dispute.participants.map((p) => p.displayName).join(", ")}</>}
      </p>
      <DisputeClocks dispute={dispute} receivedAt={receivedAt} />
      {resolved ? (
        <p data-testid="dispute-resolution">
          {t("disputes.resolvedAs", { resolution: dispute.resolution ? t(`disputes.resolutions.${dispute.resolution}`) : "" })}
          {dispute.creditNoteNumber && dispute.creditedMinor !== null && (
            <> — {t("disputes.creditNote", { number: dispute.creditNoteNumber, amount: format.money(dispute.creditedMinor, dispute.currency) })}</>
          )}
        </p>
      ) : (
        <div className="dispute-actions" role="group" aria-label={t("disputes.transitions")}>
          {dispute.allowedTransitions.map((status) => (
            <button
              key={status} type="button" className="button button-small" disabled={move.isPending} data-testid={`dispute-move-${status}`}
              onClick={() => move.mutate({ disputeId: dispute.id, status })}
            >
              {t(`disputes.moveTo.${status}`)}
            </button>
          ))}
          {dispute.mayEdit && (
            <button type="button" className="button button-small button-quiet" onClick={() => setEditing(true)} data-testid="dispute-edit">
              {t("disputes.edit")}
            </button>
          )}
          {dispute.mayResolve && (
            <button type="button" className="button button-small" onClick={() => setResolving(true)} data-testid="dispute-resolve">
              {t("disputes.resolve")}
            </button>
          )}
        </div>
      )}
      {move.isError && <ErrorMessage error={move.error} />}
      {editing && (
        <ModalDialog title={t("disputes.editTitle")} onClose={() => setEditing(false)} testId="edit-dispute-dialog">
          <EditDisputeForm dispute={dispute} onDone={() => setEditing(false)} />
        </ModalDialog>
      )}
      {resolving && (
        <ModalDialog title={t("disputes.resolveTitle")} onClose={() => setResolving(false)} testId="resolve-dispute-dialog">
          <ResolveDisputeForm dispute={dispute} onDone={() => setResolving(false)} />
        </ModalDialog>
      )}
      <CollaborativeNotes documentName={dispute.notesDocument} title={t("disputes.notesTitle")} />
    </article>
  );
}
