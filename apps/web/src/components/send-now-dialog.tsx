import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { WorklistRow } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { ModalDialog } from "./modal-dialog.tsx";

/** Whether a worklist row is a message the app sends (a call is made by a person). */
export const isSendable = (row: WorklistRow): boolean => row.kind === "action" && row.channel !== null && row.channel !== "call";

/** The letter (or the message on the letterhead) the action would send, opened by the browser's PDF viewer. */
export const letterPreviewUrl = (actionId: string): string => `/api/actions/${actionId}/letter.pdf`;

/** Preview and "send now" buttons of a due action. */
export function SendNowButtons({ row, canWrite, onSend }: { row: WorklistRow; canWrite: boolean; onSend: (row: WorklistRow) => void }) {
  const { t } = useTranslation();
  if (!isSendable(row)) return null;
  return (
    <span className="row-buttons">
      <a
        className="button button-small button-quiet"
        href={letterPreviewUrl(row.id)}
        target="_blank"
        rel="noopener"
        aria-label={t("sendNow.previewFor", { name: row.debtorName })}
        data-testid="worklist-preview"
      >
        {t("sendNow.preview")}
      </a>
      {canWrite && (
        <button
          type="button"
          className="button button-small"
          aria-label={t("sendNow.buttonFor", { name: row.debtorName })}
          onClick={() => onSend(row)}
          data-testid="worklist-send-now"
        >
          {t("sendNow.button")}
        </button>
      )}
    </span>
  );
}

/** Asks before sending; the server sends the action once at most, whoever else tries at the same time. */
export function SendNowDialog({ row, onClose, onDone }: { row: WorklistRow; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // whatever the outcome, the outbox has a new row
  const send = useMutation(trpc.worklist.sendNow.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() }) }));
  const channel = t(`worklist.channels.${row.channel ?? "case"}`);
  return (
    <ModalDialog title={t("sendNow.confirmTitle", { name: row.debtorName })} onClose={onClose} testId="worklist-send-dialog">
      <form
        className="case-form"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(
            { actionId: row.id },
            {
              onSuccess: (result) =>
                onDone(result.status === "sent" ? t("sendNow.sent", { name: row.debtorName }) : t("sendNow.failed", { name: row.debtorName, error: result.error ?? "" })),
            },
          );
        }}
      >
        <p>{t("sendNow.confirmText", { channel })}</p>
        <button type="submit" className="button" disabled={send.isPending} data-testid="worklist-send-confirm" autoFocus>
          {t("sendNow.confirm")}
        </button>
        {send.isError && <ErrorMessage error={send.error} />}
      </form>
    </ModalDialog>
  );
}
