import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** A native modal dialog (focus trapped, Escape closes), open while mounted. */
export function ModalDialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="worklist-dialog" aria-label={title} onClose={onClose} data-testid={testId}>
      <h2>{title}</h2>
      {children}
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t("worklist.close")}
      </button>
    </dialog>
  );
}
