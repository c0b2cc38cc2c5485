import { caseDocumentName, hasRole, LEDGER_WRITERS } from "@relance/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { AddNoteForm } from "../components/add-note-form.tsx";
import { CaseOpenInvoices } from "../components/case-open-invoices.tsx";
import { CaseDisputes } from "../components/case-disputes.tsx";
import { CollaborativeNotes } from "../components/collaborative-notes.tsx";
import { CaseChat } from "../components/case-chat.tsx";
import { CasePresence } from "../components/case-presence.tsx";
import { CasePromises } from "../components/case-promises.tsx";
import { CaseLegalProceedings } from "../components/case-legal-proceedings.tsx";
import { StageBadge } from "../components/stage-badge.tsx";
import { Timeline } from "../components/timeline.tsx";
import { ChangeStageForm } from "../components/change-stage-form.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { RecordLoadError } from "../components/record-load-error.tsx";
import { Loading } from "../components/loading.tsx";
import { LogCallForm } from "../components/log-call-form.tsx";
import { RecordPromiseForm } from "../components/record-promise-form.tsx";
import { useCaseUpdates } from "../hooks/use-case-updates.ts";
import { useFormatters } from "../hooks/use-formatters.ts";
import { useMe } from "../hooks/use-me.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/case-work.css";

export function CasePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const { role, org } = useMe();
  const canWrite = hasRole(role, LEDGER_WRITERS);
  const caseId = useParams().id ?? "";
  const found = useQuery(trpc.cases.get.queryOptions({ caseId }));
  // what others add to this case (calls, notes, promises, replies, disputes) shows without a reload
  useCaseUpdates(caseId);

  let body;
  if (found.isPending) body = <Loading />;
  else if (found.isError) body = <RecordLoadError error={found.error} notFoundText={t("cases.notFound")} testId="case-not-found" />;
  else {
    const c = found.data;
    const currency = (c.totals[0]?.currency ?? (org.country === "CH" ? "CHF" : "EUR")) === "CHF" ? "CHF" : "EUR";
    body = (
      <>
        <header className="case-header" data-testid="case-header">
          <p className="eyebrow">{t("cases.caseOf")}</p>
          <h1 data-testid="case-debtor">{c.debtorName}</h1>
          {/* a sales rep sees the debtor's page only for the debtors he owns; the case is what he was brought into */}
          {role !== "sales" && (
            <p>
              <Link to={`/debtors/${c.debtorId}`} data-testid="case-debtor-link">
                {t("cases.debtorPage")}
              </Link>
            </p>
          )}
          <dl className="facts facts-inline">
            <div>
              <dt>{t("cases.stage")}</dt>
              <dd>
                <StageBadge stage={c.stage} />
              </dd>
            </div>
            <div>
              <dt>{t("caseWork.status")}</dt>
              <dd data-testid="case-status">
                {c.status === "open" ? t("caseWork.statusOpen") : t("caseWork.statusClosed")}
                {c.closedReason && ` (${t(`caseWork.closeReasons.${c.closedReason}`)})`}
              </dd>
            </div>
            <div>
              <dt>{t("caseWork.priority")}</dt>
              <dd>{c.priority}</dd>
            </div>
            <div>
              <dt>{t("caseWork.nextActionDate")}</dt>
              <dd data-testid="case-next-action">{c.nextActionDate ? format.calendarDate(c.nextActionDate) : t("caseWork.none")}</dd>
            </div>
            <div>
              <dt>{t("caseWork.assignee")}</dt>
              <dd>{c.assigneeName ?? t("caseWork.none")}</dd>
            </div>
            {c.tags.length > 0 && (
              <div>
                <dt>{t("caseWork.tags")}</dt>
                <dd>{c.tags.join(", ")}</dd>
              </div>
            )}
          </dl>
        </header>
        <CasePresence caseId={c.id} />
        <CaseChat caseId={c.id} assigneeId={c.assigneeId} />
        <CaseOpenInvoices detail={c} />
        <CaseDisputes detail={c} />
        <CasePromises detail={c} canWrite={canWrite} />
        <CaseLegalProceedings caseId={c.id} canWrite={canWrite} jurisdiction={currency === "CHF" ? "CH" : "FR"} />
        <CollaborativeNotes documentName={caseDocumentName(c.id)} title={t("notes.caseTitle")} />
        <div className="case-columns">
          <Timeline scope={{ caseId: c.id }} title={t("caseWork.timeline")} />
          <section className="case-section case-actions" aria-labelledby="case-actions-title">
            <h2 id="case-actions-title">{t("caseWork.actions")}</h2>
            {canWrite ? (
              <>
                <LogCallForm caseId={c.id} />
                <RecordPromiseForm caseId={c.id} currency={currency} />
                <AddNoteForm caseId={c.id} />
                <ChangeStageForm caseId={c.id} current={c.stage} />
              </>
            ) : (
              <p className="empty">{t("caseWork.writersOnly")}</p>
            )}
          </section>
        </div>
      </>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to="/cases">← {t("cases.backToList")}</Link>
      </p>
      {body}
    </div>
  );
}
