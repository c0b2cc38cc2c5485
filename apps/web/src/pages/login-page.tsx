import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { LanguageSelect } from "../components/language-select.tsx";
import { startSession, wasSessionEnded } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";

const redirectTarget = (state: unknown): string => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") && from !== "/login" ? from : "/";
};

export function LoginPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const me = useQuery(trpc.auth.me.queryOptions());
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        await startSession();
        await navigate(redirectTarget(location.state), { replace: true });
      },
    }),
  );

  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to="/" replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="auth-header">
          <p className="brand-name">{t("app.name")}</p>
          <LanguageSelect className="auth-language" />
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        {wasSessionEnded() && !signIn.isError && (
          <div className="alert alert-info" role="status" data-testid="session-ended">
            <p>{t("errors.unauthorized")}</p>
          </div>
        )}
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="login-email">{t("login.email")}</label>
            <input
              id="login-email"
              data-testid="login-email"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t("login.password")}</label>
            <input
              id="login-password"
              data-testid="login-password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {signIn.isError && <ErrorMessage error={signIn.error} />}
          <button type="submit" className="button button-primary" data-testid="login-submit" disabled={signIn.isPending}>
            {signIn.isPending ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </div>
    </div>
  );
}
