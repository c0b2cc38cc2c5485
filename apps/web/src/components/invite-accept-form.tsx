import { PASSWORD_MIN_LENGTH } from "@relance/domain";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { toLocale } from "../lib/locale.ts";
import { startSession } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

export interface InviteAcceptFormProps {
  token: string;
  email: string;
  /** An existing account proves itself with its password; a new one picks a name and a password. */
  accountExists: boolean;
}

export function InviteAcceptForm({ token, email, accountExists }: InviteAcceptFormProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: async () => {
        await startSession();
        await navigate("/", { replace: true });
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    accept.mutate({
      token,
      password,
      displayName: accountExists ? undefined : displayName,
      locale: toLocale(i18n.language),
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      <p className="muted">{accountExists ? t("invite.existingAccount") : t("invite.newAccount")}</p>
      {/* lets password managers file the new password under the right account */}
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      {!accountExists && (
        <div className="field">
          <label htmlFor="invite-display-name">{t("invite.displayName")}</label>
          <input
            id="invite-display-name"
            data-testid="invite-display-name"
            name="displayName"
            autoComplete="name"
            required
            maxLength={200}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="invite-password">{accountExists ? t("invite.password") : t("invite.newPassword")}</label>
        <input
          id="invite-password"
          data-testid="invite-password"
          type="password"
          name="password"
          autoComplete={accountExists ? "current-password" : "new-password"}
          required
          minLength={accountExists ? undefined : PASSWORD_MIN_LENGTH}
          aria-describedby={accountExists ? undefined : "invite-password-hint"}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {!accountExists && (
          <p id="invite-password-hint" className="hint">
            {t("invite.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          </p>
        )}
      </div>
      {accept.isError && <ErrorMessage error={accept.error} />}
      <button type="submit" className="button button-primary" data-testid="invite-accept" disabled={accept.isPending}>
        {accept.isPending ? t("invite.accepting") : t("invite.accept")}
      </button>
    </form>
  );
}
