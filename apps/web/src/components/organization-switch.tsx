import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMe } from "../hooks/use-me.ts";
import { startSession } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** For members of several organizations: move to another one (a new session there) without signing in again. */
export function OrganizationSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const me = useMe();
  const switchOrg = useMutation(
    trpc.auth.switchOrganization.mutationOptions({
      onSuccess: async () => {
        await startSession();
        void navigate("/", { replace: true });
      },
    }),
  );
  if (me.organizations.length < 2) return null;
  return (
    <div className="organization-switch">
      <label htmlFor={id} className="visually-hidden">
        {t("userMenu.organization")}
      </label>
      <select
        id={id}
        data-testid="organization-select"
        value={me.org.slug}
        disabled={switchOrg.isPending}
        onChange={(event) => switchOrg.mutate({ orgSlug: event.target.value })}
      >
        {me.organizations.map((org) => (
          <option key={org.slug} value={org.slug}>
            {org.name}
          </option>
        ))}
      </select>
      {switchOrg.error && <ErrorMessage error={switchOrg.error} />}
    </div>
  );
}
