import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** An admin sets the tenant's aging buckets as their upper edges in days past due ("0, 30, 60, 90"). */
export function AgingEdgesForm({ edges }: { edges: number[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState(edges.join(", "));
  const [badText, setBadText] = useState(false);
  const save = useMutation(
    trpc.kpi.setAgingEdges.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() }) }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parts = text.split(/[,;\s]+/).filter(Boolean);
    const numbers = parts.map(Number);
    setBadText(parts.length === 0 || numbers.some((n) => !Number.isInteger(n)));
    if (parts.length > 0 && numbers.every((n) => Number.isInteger(n))) save.mutate({ edges: numbers });
  };
  return (
    <form className="kpi-edges" onSubmit={submit} data-testid="aging-edges-form">
      <label htmlFor={`${id}-edges`}>{t("dashboard.edges.label")}</label>
      <input
        id={`${id}-edges`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-help`}
        aria-invalid={badText || save.isError}
        data-testid="aging-edges"
      />
      <button type="submit" className="button-secondary" disabled={save.isPending}>
        {t("dashboard.edges.save")}
      </button>
      <small id={`${id}-help`}>{t("dashboard.edges.help")}</small>
      {badText && <p role="alert">{t("dashboard.edges.invalid")}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t("dashboard.edges.saved")}</p>}
    </form>
  );
}
