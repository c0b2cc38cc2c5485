import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { DisputeSettings } from "../components/dispute-settings.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { RequireAdmin } from "../components/require-admin.tsx";
import { SenderDetailsForm } from "../components/sender-details-form.tsx";
import { useTRPC } from "../lib/trpc.ts";

/** Admin: the organization's settings — for now, how long an idle session stays open. */
export function OrganizationSettingsPage() {
  return (
    <RequireAdmin>
      <OrganizationSettingsForm />
      <SenderDetailsForm />
      <DisputeSettings />
    </RequireAdmin>
  );
}

function OrganizationSettingsForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const settings = useQuery(trpc.organization.settings.queryOptions());
  const [hours, setHours] = useState("");
  useEffect(() => {
    if (settings.data) setHours(String(settings.data.sessionIdleTimeoutMinutes / 60));
  }, [settings.data]);
  const save = useMutation(
    trpc.organization.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.organization.settings.queryKey(), data),
    }),
  );
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ sessionIdleTimeoutMinutes: Math.round(Number(hours.replace(",", ".")) * 60) });
  };
  return (
    <section className="card">
      <h2>{t("organization.title", { name: settings.data.name })}</h2>
      <form onSubmit={onSubmit} className="form">
        <label htmlFor={id}>{t("organization.idleTimeout")}</label>
        <input
          id={id}
          data-testid="idle-timeout-hours"
          inputMode="decimal"
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="muted">
          {t("organization.idleTimeoutHint")}
        </p>
        <button type="submit" className="button" data-testid="organization-save" disabled={save.isPending}>
          {t("organization.save")}
        </button>
        {save.isSuccess && (
          <p role="status" className="muted">
            {t("organization.saved")}
          </p>
        )}
        {save.error && <ErrorMessage error={save.error} />}
      </form>
    </section>
  );
}
