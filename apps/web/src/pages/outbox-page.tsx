import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import { FilterSelect } from "../components/filter-select.tsx";
import { Loading } from "../components/loading.tsx";
import { ModalDialog } from "../components/modal-dialog.tsx";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/outbox.css";

const CHANNELS = ["email", "sms", "letter"] as const;
const STATUSES = ["queued", "sent", "recorded", "failed", "bounced"] as const;
type Channel = (typeof CHANNELS)[number];
type Status = (typeof STATUSES)[number];

const documentUrl = (documentId: string): string => `/api/documents/${documentId}.pdf`;

/** What went to debtors (or would have, with no SMTP server or SMS provider), newest first, each body viewable. */
export function OutboxPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const [channel, setChannel] = useState<Channel | "">("");
  const [status, setStatus] = useState<Status | "">("");
  const [viewing, setViewing] = useState<string | null>(null);
  const list = useInfiniteQuery(
    trpc.outbox.list.infiniteQueryOptions(
      { channel: channel || null, status: status || null, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: null },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <div className="page">
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      <div className="outbox-filters">
        <FilterSelect
          id="outbox-channel" testId="outbox-channel" label={t("outbox.channel")} value={channel} anyLabel={t("outbox.anyChannel")}
          options={CHANNELS.map((c) => ({ value: c, label: t(`outbox.channels.${c}`) }))} onChange={(v) => setChannel(v as Channel | "")}
        />
        <FilterSelect
          id="outbox-status" testId="outbox-status" label={t("outbox.status")} value={status} anyLabel={t("outbox.anyStatus")}
          options={STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))} onChange={(v) => setStatus(v as Status | "")}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="outbox-empty">{t("outbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="outbox">
            <caption className="visually-hidden">{t("outbox.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outbox.when")}</th>
                <th scope="col">{t("outbox.debtor")}</th>
                <th scope="col">{t("outbox.channel")}</th>
                <th scope="col">{t("outbox.recipient")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.status")}</th>
                <th scope="col"><span className="visually-hidden">{t("outbox.view")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="outbox-row">
                  <td>{format.dateTime(row.createdAt)}</td>
                  <th scope="row">{row.caseId ? <Link to={`/cases/${row.caseId}`}>{row.debtorName ?? row.recipient}</Link> : (row.debtorName ?? "")}</th>
                  <td>{t(`outbox.channels.${row.channel}`)}</td>
                  <td>{row.recipient}</td>
                  <td>{row.subject ?? ""}</td>
                  <td className={`status-${row.status}`} data-testid="outbox-status-cell" title={row.error ?? undefined}>
                    {t(`outbox.statuses.${row.status}`)}
                    {row.status === "bounced" && row.error && <small className="outbox-reason">{row.error}</small>}
                  </td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => setViewing(row.id)} data-testid="outbox-view"
                      aria-label={t("outbox.viewMessage", { name: row.debtorName ?? row.recipient })}>
                      {t("outbox.view")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" className="button button-quiet" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("outbox.more")}
        </button>
      )}
      {viewing !== null && <OutboxMessageDialog id={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

function OutboxMessageDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const message = useQuery(trpc.outbox.get.queryOptions({ id }));
  const name = message.data ? (message.data.debtorName ?? message.data.recipient) : "";
  return (
    <ModalDialog title={t("outbox.viewMessage", { name })} onClose={onClose} testId="outbox-message">
      {message.isPending ? (
        <Loading />
      ) : message.isError ? (
        <ErrorMessage error={message.error} />
      ) : (
        <>
          <p className="muted">
            {t(`outbox.channels.${message.data.channel}`)} · {message.data.recipient} · {format.dateTime(message.data.createdAt)} ·{" "}
            {t(`outbox.statuses.${message.data.status}`)}
          </p>
          {message.data.error && <p className="field-error">{t("outbox.error", { error: message.data.error })}</p>}
          {message.data.subject && <h3>{message.data.subject}</h3>}
          <pre className="outbox-body" data-testid="outbox-message-body">{message.data.body}</pre>
          {message.data.documentId && (
            <p>
              <a href={documentUrl(message.data.documentId)} target="_blank" rel="noopener" data-testid="outbox-pdf">
                {t("outbox.openPdf")}
              </a>
            </p>
          )}
          {message.data.caseId && (
            <p>
              <Link to={`/cases/${message.data.caseId}`} onClick={onClose}>{t("outbox.openCase")}</Link>
            </p>
          )}
        </>
      )}
    </ModalDialog>
  );
}
