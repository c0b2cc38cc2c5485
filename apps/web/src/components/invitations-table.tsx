import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";

export function InvitationsTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() }),
    }),
  );

  if (invitations.isPending) return <Loading />;
  if (invitations.isError) return <ErrorMessage error={invitations.error} />;

  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("members.invitationsTitle")}</h2>
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {invitations.data.length === 0 ? (
        <p className="empty">{t("members.noInvitations")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="invitations-table">
            <caption className="visually-hidden">{t("members.invitationsTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("members.role")}</th>
                <th scope="col">{t("members.status")}</th>
                <th scope="col">{t("members.created")}</th>
                <th scope="col">{t("members.expires")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("members.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((inv) => (
                <tr key={inv.id} data-testid="invitation-row" data-status={inv.status}>
                  <th scope="row">{inv.email}</th>
                  <td>{t(`roles.${inv.role}`)}</td>
                  <td>
                    <span className={`badge status-${inv.status}`}>{t(`members.statuses.${inv.status}`)}</span>
                  </td>
                  <td>{format.dateTime(inv.createdAt)}</td>
                  <td>{format.dateTime(inv.expiresAt)}</td>
                  <td className="actions">
                    {inv.status === "pending" && (
                      <ConfirmButton
                        label={t("members.revoke")}
                        ariaLabel={t("members.revokeOf", { email: inv.email })}
                        confirmLabel={t("members.confirmRevoke")}
                        disabled={revoke.isPending}
                        testId="invitation-revoke"
                        onConfirm={() => revoke.mutate({ invitationId: inv.id })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
