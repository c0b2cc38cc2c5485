import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import { isCaseStage, type TimelineEvent } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { DisputeEventSummary } from "./dispute-event-summary.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { InboundEmailSummary } from "./inbound-email-summary.tsx";
import { Loading } from "./loading.tsx";

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number => (typeof v === "number" ? v : 0);

function EventSummary({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const p = event.payload;
  const stage = (s: unknown) => (isCaseStage(s) ? t(`caseWork.stages.${s}`) : str(s));
  switch (event.kind) {
    case "stage_change":
      return <>{t("caseWork.stageChange", { from: stage(p.from), to: stage(p.to), reason: str(p.reason) })}</>;
    case "call": {
      const outcome = str(p.outcome);
      const label = outcome === "reached" || outcome === "no_answer" || outcome === "wrong_number" || outcome === "callback" ? t(`caseWork.callOutcomes.${outcome}`) : outcome;
      return <>{[label, str(p.note)].filter(Boolean).join(" — ")}</>;
    }
    case "promise":
    case "promise_kept":
    case "promise_broken":
      return <>{t("caseWork.promiseText", { amount: format.money(num(p.amountMinor), str(p.currency)), date: p.promisedFor ? format.calendarDate(str(p.promisedFor)) : "" })}</>;
    case "dispute":
      return <DisputeEventSummary payload={p} />;
    case "credit_limit": {
      const amount = (v: unknown) => (typeof v === "number" ? format.money(v, str(p.currency)) : t("debtor.noCreditLimit"));
      return <>{t("caseWork.creditLimitChanged", { from: amount(p.fromMinor), to: amount(p.toMinor) })}</>;
    }
    case "assignment":
      return <>{t("caseWork.ownerChanged", { from: str(p.fromName) || t("debtor.noOwner"), to: str(p.toName) || t("debtor.noOwner") })}</>;
    case "reply":
    case "bounce":
      return <InboundEmailSummary kind={event.kind} payload={p} />;
    default:
      return <>{str(p.text) || str(p.reason) || str(p.note)}</>;
  }
}

const KINDS = ["reminder", "call", "note", "promise", "promise_kept", "promise_broken", "payment", "stage_change", "document", "dispute", "reply", "bounce", "hold", "assignment", "credit_limit"] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** Whose history: a case's, or a debtor's over all his cases (each event then links to its case). */
export type TimelineScope = { caseId: string } | { debtorId: string };

const PAGE_SIZE = 20;

/** One page of events; the last page loaded offers the next (older) one. */
function TimelinePage({ scope, before, isLast, onOlder }: { scope: TimelineScope; before: string | undefined; isLast: boolean; onOlder: (before: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const paging = { limit: PAGE_SIZE, ...(before ? { before } : {}) };
  // one of the two is asked; both answer the same page shape
  const casePage = useQuery(trpc.cases.timeline.queryOptions({ caseId: "caseId" in scope ? scope.caseId : "", ...paging }, { enabled: "caseId" in scope }));
  const debtorPage = useQuery(trpc.debtors.timeline.queryOptions({ debtorId: "debtorId" in scope ? scope.debtorId : "", ...paging }, { enabled: "debtorId" in scope }));
  const page = "caseId" in scope ? casePage : debtorPage;
  if (page.isPending) return <li><Loading /></li>;
  if (page.isError) return <li><ErrorMessage error={page.error} /></li>;
  return (
    <>
      {!before && page.data.events.length === 0 && <li className="empty">{t("caseWork.timelineEmpty")}</li>}
      {page.data.events.map((e) => (
        <li key={e.id} className={`timeline-event timeline-${e.kind}`} data-testid="timeline-event" data-kind={e.kind}>
          <p className="timeline-meta">
            <strong>{e.kind === "bounce" && e.payload.delayed === true ? t("caseWork.inbound.delayKind") : isKind(e.kind) ? t(`caseWork.kinds.${e.kind}`) : e.kind}</strong>{" "}
            <time dateTime={e.occurredAt}>{format.dateTime(e.occurredAt)}</time> · {e.actorName ?? t("caseWork.system")}
            {"debtorId" in scope && e.caseId && (
              <>
                {" · "}
                <Link to={`/cases/${e.caseId}`} data-testid="timeline-case-link">
                  {t("debtor.timelineCaseLink")}
                </Link>
              </>
            )}
          </p>
          <p className="timeline-text">
            <EventSummary event={e} />
          </p>
        </li>
      ))}
      {isLast && page.data.nextBefore && (
        <li>
          <button type="button" className="button button-small" onClick={() => onOlder(page.data.nextBefore!)}>
            {t("caseWork.olderEvents")}
          </button>
        </li>
      )}
    </>
  );
}

/** An append-only history, newest first, loaded backwards page by page. */
export function Timeline({ scope, title, testId = "timeline", className = "case-section" }: { scope: TimelineScope; title: string; testId?: string; className?: string }) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const titleId = `${testId}-title`;
  return (
    <section className={className} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ol className="timeline" data-testid={testId}>
        {cursors.map((before, i) => (
          <TimelinePage key={before ?? "first"} scope={scope} before={before} isLast={i === cursors.length - 1} onOlder={(b) => setCursors((c) => [...c, b])} />
        ))}
      </ol>
    </section>
  );
}
