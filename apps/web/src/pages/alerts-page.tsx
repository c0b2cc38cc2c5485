import type { AlertKind, CollectionAlert } from "@relance/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useLiveAlerts } from "../hooks/use-live-alerts.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/outbox.css";

/** A line of facts from an alert's payload: invoices, amount, legal reference. */
const useAlertDetail = () => {
  const format = useFormatters();
  return (alert: CollectionAlert): string => {
    const p = alert.payload;
    const amount = typeof p.openMinor === "number" ? p.openMinor : typeof p.amountMinor === "number" ? p.amountMinor : null;
    return [
      Array.isArray(p.invoices) ? p.invoices.join(", ") : typeof p.invoice === "string" ? p.invoice : null,
      amount !== null && typeof p.currency === "string" ? format.money(amount, p.currency) : null,
      typeof p.reference === "string" ? p.reference : null,
    ].filter((x) => x !== null).join(" · ");
  };
};

/** The member's collection alerts (deadlines, promises, actions due), newest first; new ones arrive live. */
export function AlertsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const detail = useAlertDetail();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const alerts = useQuery(trpc.alerts.list.queryOptions({ unreadOnly }));
  useLiveAlerts();
  const markRead = useMutation(
    trpc.alerts.markRead.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() }) }),
  );
  return (
    <div className="page">
      <h1>{t("alerts.title")}</h1>
      <p>{t("alerts.intro")}</p>
      <div className="worklist-toolbar">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="alerts-unread-only" /> {t("alerts.unreadOnly")}
        </label>
        {alerts.data && (
          <span role="status" aria-live="polite" data-testid="alerts-unread">
            {t("alerts.unread", { count: alerts.data.unread })}
          </span>
        )}
        {alerts.data && alerts.data.unread > 0 && (
          <button type="button" className="button button-small button-quiet" onClick={() => markRead.mutate({ ids: null })} data-testid="alerts-read-all">
            {t("alerts.readAll")}
          </button>
        )}
      </div>
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorMessage error={alerts.error} />
      ) : alerts.data.alerts.length === 0 ? (
        <p className="empty" data-testid="alerts-empty">{t("alerts.empty")}</p>
      ) : (
        <ul className="alert-list" data-testid="alerts">
          {alerts.data.alerts.map((alert) => (
            <li key={alert.id} className={alert.readAt ? "alert-item" : "alert-item alert-unread"} data-testid="alert" data-kind={alert.kind}>
              <strong>{t(`alerts.kinds.${alert.kind as AlertKind}`)}</strong>
              {alert.debtorName && <> — {alert.caseId ? <Link to={`/cases/${alert.caseId}`}>{alert.debtorName}</Link> : alert.debtorName}</>}
              {" — "}
              {t("alerts.dueOn", { date: format.calendarDate(alert.dueOn) })}
              {detail(alert) && <span className="muted"> — {detail(alert)}</span>}
              {!alert.readAt && (
                <button type="button" className="button button-small button-quiet" onClick={() => markRead.mutate({ ids: [alert.id] })}
                  aria-label={t("alerts.markReadFor", { name: alert.debtorName ?? "" })} data-testid="alert-read">
                  {t("alerts.markRead")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {markRead.isError && <ErrorMessage error={markRead.error} />}
    </div>
  );
}
