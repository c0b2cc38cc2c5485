import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMe } from "../hooks/use-me.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";
import { RoleSelect } from "./role-select.tsx";

export function MembersTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSettled: (_result, _error, { userId }) => {
        void refresh();
        // an admin who changed their own role: the shell (menu, members tab) must follow
        if (userId === me.user.id) void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: () => void refresh() }));

  if (members.isPending) return <Loading />;
  if (members.isError) return <ErrorMessage error={members.error} />;

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t("members.title")}</h2>
      {changeRole.isError && <ErrorMessage error={changeRole.error} />}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {changeRole.isSuccess && (
        <p role="status" className="muted">
          {t("members.roleChanged")}
        </p>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="members-table">
          <caption className="visually-hidden">{t("members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.joined")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("members.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.userId} data-testid="member-row">
                <th scope="row">
                  {m.displayName}
                  {m.userId === me.user.id && <span className="muted"> ({t("members.you")})</span>}
                </th>
                <td>{m.email}</td>
                <td>
                  <RoleSelect
                    id={`role-${m.userId}`}
                    value={m.role}
                    ariaLabel={t("members.roleOf", { name: m.displayName })}
                    testId="member-role"
                    disabled={changeRole.isPending}
                    onChange={(role) => changeRole.mutate({ userId: m.userId, role })}
                  />
                </td>
                <td>{format.date(m.joinedAt)}</td>
                <td className="actions">
                  <ConfirmButton
                    label={t("members.remove")}
                    ariaLabel={t("members.removeOf", { name: m.displayName })}
                    confirmLabel={t("members.confirmRemove")}
                    disabled={remove.isPending}
                    testId="member-remove"
                    onConfirm={() => remove.mutate({ userId: m.userId })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
