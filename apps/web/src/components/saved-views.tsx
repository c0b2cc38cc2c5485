import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InvoiceView } from "../lib/api-types.ts";
import { writeInvoiceView } from "../lib/invoice-view-params.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { ErrorMessage } from "./error-message.tsx";

export interface SavedViewsProps {
  /** The filters and sort on screen: what "save" stores. */
  current: InvoiceView;
}

/** The member's own saved invoice views: apply one (a link to its query string), save the current one, delete. */
export function SavedViews({ current }: SavedViewsProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.views.list.queryKey({ page: "invoices" });
  const views = useQuery(trpc.views.list.queryOptions({ page: "invoices" }));
  const [name, setName] = useState("");
  const [savedName, setSavedName] = useState<string | null>(null);
  const save = useMutation(
    trpc.views.save.mutationOptions({
      onSuccess: async (view) => {
        setSavedName(view.name);
        setName("");
        await queryClient.invalidateQueries({ queryKey: listKey });
      },
    }),
  );
  const remove = useMutation(trpc.views.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSavedName(null);
    save.mutate({ page: "invoices", name, filters: current });
  };

  return (
    <section className="card saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t("savedViews.title")}</h2>
      {views.isError && <ErrorMessage error={views.error} />}
      {views.data && views.data.length === 0 && <p className="empty">{t("savedViews.none")}</p>}
      {views.data && views.data.length > 0 && (
        <ul className="saved-view-list" data-testid="saved-views">
          {views.data.map((view) => (
            <li key={view.id} data-testid="saved-view" data-view-name={view.name}>
              <Link to={`/invoices?${writeInvoiceView(view.filters).toString()}`} data-testid="apply-view" aria-label={t("savedViews.apply", { name: view.name })}>
                {view.name}
              </Link>
              <ConfirmButton
                label={t("savedViews.delete")}
                ariaLabel={t("savedViews.deleteOf", { name: view.name })}
                confirmLabel={t("savedViews.confirmDelete")}
                disabled={remove.isPending}
                testId="delete-view"
                onConfirm={() => remove.mutate({ viewId: view.id })}
              />
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <ErrorMessage error={remove.error} />}
      <form className="form form-row" onSubmit={submit}>
        <div className="field">
          <label htmlFor="view-name">{t("savedViews.name")}</label>
          <input
            id="view-name"
            data-testid="view-name"
            required
            maxLength={100}
            autoComplete="off"
            value={name}
            aria-describedby="view-name-hint"
            onChange={(e) => setName(e.target.value)}
          />
          <p id="view-name-hint" className="hint">
            {t("savedViews.replaceHint")}
          </p>
        </div>
        <button type="submit" className="button button-primary" data-testid="save-view" disabled={save.isPending || name.trim() === ""}>
          {save.isPending ? t("savedViews.saving") : t("savedViews.save")}
        </button>
      </form>
      {save.isError && <ErrorMessage error={save.error} />}
      {savedName && (
        <p className="alert alert-success" role="status" data-testid="view-saved">
          {t("savedViews.saved", { name: savedName })}
        </p>
      )}
    </section>
  );
}
