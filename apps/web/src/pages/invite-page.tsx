import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { InviteAcceptForm } from "../components/invite-accept-form.tsx";
import { LanguageSelect } from "../components/language-select.tsx";
import { Loading } from "../components/loading.tsx";
import { errorDataOf } from "../lib/errors.ts";
import { useTRPC } from "../lib/trpc.ts";

export function InvitePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const token = useParams().token ?? "";
  const preview = useQuery({ ...trpc.invitations.preview.queryOptions({ token }), staleTime: Infinity, refetchOnWindowFocus: false });

  let body;
  if (preview.isPending) body = <Loading label={t("invite.loading")} />;
  else if (preview.isError) {
    const data = errorDataOf(preview.error);
    body =
      data?.code === "NOT_FOUND" || data?.code === "BAD_REQUEST" ? (
        <InviteProblem message={t("invite.invalid")} />
      ) : (
        <ErrorMessage error={preview.error} />
      );
  } else if (preview.data.status !== "pending") {
    body = <InviteProblem message={t(`invite.${preview.data.status}`)} />;
  } else {
    const invitation = preview.data;
    body = (
      <>
        <p>{t("invite.intro", { orgName: invitation.orgName })}</p>
        <dl className="facts" data-testid="invite-preview">
          <div>
            <dt>{t("invite.organization")}</dt>
            <dd data-testid="invite-org">{invitation.orgName}</dd>
          </div>
          <div>
            <dt>{t("invite.email")}</dt>
            <dd data-testid="invite-preview-email">{invitation.email}</dd>
          </div>
          <div>
            <dt>{t("invite.role")}</dt>
            <dd data-testid="invite-preview-role">{t(`roles.${invitation.role}`)}</dd>
          </div>
        </dl>
        <InviteAcceptForm token={token} email={invitation.email} accountExists={invitation.accountExists} />
      </>
    );
  }

  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="auth-header">
          <p className="brand-name">{t("app.name")}</p>
          <LanguageSelect className="auth-language" />
        </div>
        <h1>{t("invite.title")}</h1>
        {body}
      </div>
    </div>
  );
}

function InviteProblem({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="alert alert-error" role="alert" data-testid="invite-problem">
        <p>{message}</p>
      </div>
      <p>
        <Link to="/login">{t("invite.goToLogin")}</Link>
      </p>
    </>
  );
}
