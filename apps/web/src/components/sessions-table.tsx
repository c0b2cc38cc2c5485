import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import { describeDevice } from "../lib/user-agent.ts";
import { clearSession } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";

/** The account's open sessions, this device first, each one endable; and all the others at once. */
export function SessionsTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });

  const endSession = useMutation(
    trpc.account.endSession.mutationOptions({
      onSuccess: (_result, { sessionId }) => {
        if (sessions.data?.find((s) => s.id === sessionId)?.current) {
          clearSession();
          void navigate("/login", { replace: true });
        } else void refresh();
      },
    }),
  );
  const endOthers = useMutation(trpc.account.endOtherSessions.mutationOptions({ onSuccess: () => void refresh() }));

  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <ErrorMessage error={sessions.error} />;

  const rows = [...sessions.data].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
  const hasOthers = rows.some((s) => !s.current);

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("account.sessionsTitle")}</h2>
      {endSession.isError && <ErrorMessage error={endSession.error} />}
      {endOthers.isError && <ErrorMessage error={endOthers.error} />}
      <div className="table-wrap">
        <table className="table" data-testid="sessions-table">
          <caption className="visually-hidden">{t("account.sessionsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.device")}</th>
              <th scope="col">{t("account.ip")}</th>
              <th scope="col">{t("account.created")}</th>
              <th scope="col">{t("account.lastSeen")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account.endSession")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const device = s.userAgent ? describeDevice(s.userAgent) : t("account.unknownDevice");
              return (
                <tr key={s.id} data-testid="session-row" data-current={s.current || undefined}>
                  <th scope="row">
                    <span title={s.userAgent ?? undefined}>{device}</span>
                    {s.current && (
                      <span className="badge badge-accent" data-testid="session-current">
                        {t("account.thisDevice")}
                      </span>
                    )}
                  </th>
                  <td className="mono">{s.ip ?? "—"}</td>
                  <td>{format.dateTime(s.createdAt)}</td>
                  <td>{format.dateTime(s.lastSeenAt)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="session-end"
                      aria-label={t("account.endSessionOf", { device })}
                      disabled={endSession.isPending}
                      onClick={() => endSession.mutate({ sessionId: s.id })}
                    >
                      {t("account.endSession")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions-row">
        <button
          type="button"
          className="button"
          data-testid="sessions-end-others"
          disabled={!hasOthers || endOthers.isPending}
          onClick={() => endOthers.mutate()}
        >
          {t("account.endOthers")}
        </button>
        {endOthers.isSuccess && (
          <span role="status" className="muted">
            {t("account.endedOthers", { count: endOthers.data.ended })}
          </span>
        )}
        {!hasOthers && !endOthers.isSuccess && <span className="muted">{t("account.noOtherSessions")}</span>}
      </div>
    </section>
  );
}
