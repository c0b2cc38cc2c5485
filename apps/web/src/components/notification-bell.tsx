import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMentionNotifications } from "../hooks/use-mention-notifications.ts";
import { useTRPC } from "../lib/trpc.ts";

/** The bell of the app shell: unread mentions, live; a mention opens its case at the message. */
export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const id = useId();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const unread = useMentionNotifications();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.unread.queryKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh }));
  const count = unread.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => panel.current && !panel.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={panel}>
      <button
        type="button"
        className="button button-quiet bell-button"
        aria-expanded={open}
        aria-controls={`${id}-inbox`}
        aria-label={count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell")}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        {/* drawn, not an emoji: many systems have no colour-emoji font */}
        <svg className="bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span className="bell-count" data-testid="notification-count">
            {format.integer(count)}
          </span>
        )}
      </button>
      {open && (
        <div id={`${id}-inbox`} className="bell-inbox card" role="region" aria-label={t("notifications.title")} data-testid="notification-inbox">
          <div className="bell-inbox-head">
            <h2>{t("notifications.title")}</h2>
            {count > 0 && (
              <button type="button" className="button button-small" onClick={() => markAll.mutate()} data-testid="notification-mark-all">
                {t("notifications.markAllRead")}
              </button>
            )}
          </div>
          {unread.data?.items.length ? (
            <ul className="bell-items">
              {unread.data.items.map((n) => (
                <li key={n.id} data-testid="notification-item">
                  <Link
                    to={`/cases/${n.caseId}?message=${n.messageSeq}`}
                    onClick={() => {
                      markRead.mutate({ ids: [n.id] });
                      setOpen(false);
                    }}
                    data-testid="notification-link"
                  >
                    <strong>{t("notifications.mentioned", { actor: n.actorName ?? t("notifications.someone"), debtor: n.debtorName })}</strong>
                    <span className="bell-excerpt">{n.excerpt}</span>
                  </Link>
                  <span className="muted">{format.dateTime(n.createdAt)}</span>{" "}
                  <button type="button" className="button button-small button-quiet" onClick={() => markRead.mutate({ ids: [n.id] })}>
                    {t("notifications.markRead")}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("notifications.empty")}</p>
          )}
        </div>
      )}
    </div>
  );
}
