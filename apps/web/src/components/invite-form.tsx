import type { Role } from "@relance/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../lib/trpc.ts";
import { CopyField } from "./copy-field.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { RoleSelect } from "./role-select.tsx";

/** Creates an invitation and shows its link once (the server keeps only a hash of the token). */
export function InviteForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("sales");
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: () => {
        setEmail("");
        void queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    invite.mutate({ email, role });
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.inviteTitle")}</h2>
      <form className="form form-row" onSubmit={submit} data-testid="invite-form">
        <div className="field">
          <label htmlFor="invite-email">{t("members.inviteEmail")}</label>
          <input
            id="invite-email"
            data-testid="invite-email"
            type="email"
            autoComplete="off"
            required
            maxLength={320}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t("members.inviteRole")}</label>
          <RoleSelect id="invite-role" testId="invite-role" value={role} onChange={setRole} />
        </div>
        <button type="submit" className="button button-primary" data-testid="invite-submit" disabled={invite.isPending}>
          {invite.isPending ? t("members.inviting") : t("members.inviteSubmit")}
        </button>
      </form>
      {invite.isError && <ErrorMessage error={invite.error} />}
      {invite.isSuccess && (
        <div className="alert alert-success" data-testid="invite-created">
          <p role="status">{t("members.inviteCreated", { email: invite.data.invitation.email })}</p>
          <CopyField
            id="invite-link"
            label={t("members.inviteLink")}
            value={`${window.location.origin}/invite/${invite.data.token}`}
            testId="invite-link"
          />
        </div>
      )}
    </section>
  );
}
