import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseMutationDone } from "../hooks/use-case-mutation-done.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

export function AddNoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useCaseMutationDone();
  const id = useId();
  const [text, setText] = useState("");
  const addNote = useMutation(
    trpc.cases.addNote.mutationOptions({
      onSuccess: () => {
        setText("");
        done();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    addNote.mutate({ caseId, text });
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="add-note" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("caseWork.addNote")}</h3>
      <label htmlFor={`${id}-text`}>{t("caseWork.noteText")}</label>
      <textarea id={`${id}-text`} value={text} required maxLength={4000} rows={2} onChange={(e) => setText(e.target.value)} data-testid="note-text" />
      {addNote.isError && <ErrorMessage error={addNote.error} />}
      <button type="submit" className="button" disabled={addNote.isPending} data-testid="note-submit">
        {addNote.isPending ? t("caseWork.saving") : t("caseWork.saveNote")}
      </button>
    </form>
  );
}
