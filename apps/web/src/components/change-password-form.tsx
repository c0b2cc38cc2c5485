import { PASSWORD_MIN_LENGTH } from "@relance/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";

/** The server ends every session of the account and continues this one on a new cookie. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrentPassword("");
        setNewPassword("");
        void queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="password-title" data-testid="change-password-form">
      <h2 id="password-title">{t("account.passwordTitle")}</h2>
      <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
      <div className="field">
        <label htmlFor="current-password">{t("account.currentPassword")}</label>
        <input
          id="current-password"
          data-testid="current-password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => {
            setCurrentPassword(e.target.value);
            if (change.isSuccess) change.reset();
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="new-password">{t("account.newPassword")}</label>
        <input
          id="new-password"
          data-testid="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-describedby="new-password-hint"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <p id="new-password-hint" className="hint">
          {t("account.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        </p>
      </div>
      {change.isError && <ErrorMessage error={change.error} />}
      {change.isSuccess && (
        <div className="alert alert-success" role="status" data-testid="password-changed">
          <p>{t("account.passwordChanged")}</p>
        </div>
      )}
      <button type="submit" className="button button-primary" data-testid="change-password-submit" disabled={change.isPending}>
        {change.isPending ? t("account.changingPassword") : t("account.changePassword")}
      </button>
    </form>
  );
}
