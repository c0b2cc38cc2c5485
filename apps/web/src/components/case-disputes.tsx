import { hasRole, DISPUTE_WRITERS } from "@relance/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../hooks/use-me.ts";
import type { CaseDetail } from "../lib/case-api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { DisputeCard } from "./dispute-card.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";
import { ModalDialog } from "./modal-dialog.tsx";
import { OpenDisputeForm } from "./open-dispute-form.tsx";
import "../styles/disputes.css";

/** The case's disputes, unresolved first; the dispute roles open new ones on the case's open invoices. */
export function CaseDisputes({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { role } = useMe();
  const [opening, setOpening] = useState(false);
  const disputes = useQuery(trpc.disputes.listByCase.queryOptions({ caseId: detail.id }));
  const disputedIds = new Set((disputes.data ?? []).filter((d) => d.status !== "resolved").flatMap((d) => d.invoices.map((i) => i.invoiceId)));
  return (
    <section className="case-section case-disputes" aria-labelledby="case-disputes-title" data-testid="case-disputes">
      <div className="dispute-section-heading">
        <h2 id="case-disputes-title">{t("disputes.title")}</h2>
        {hasRole(role, DISPUTE_WRITERS) && (
          <button type="button" className="button button-small" onClick={() => setOpening(true)} data-testid="open-dispute">
            {t("disputes.open")}
          </button>
        )}
      </div>
      {disputes.isPending ? (
        <Loading />
      ) : disputes.isError ? (
        <ErrorMessage error={disputes.error} />
      ) : disputes.data.length === 0 ? (
        <p className="empty">{t("disputes.none")}</p>
      ) : (
        disputes.data.map((d) => <DisputeCard key={d.id} dispute={d} receivedAt={disputes.dataUpdatedAt} />)
      )}
      {opening && (
        <ModalDialog title={t("disputes.openTitle")} onClose={() => setOpening(false)} testId="open-dispute-dialog">
          <OpenDisputeForm caseId={detail.id} invoices={detail.openInvoices} disputedIds={disputedIds} onDone={() => setOpening(false)} />
        </ModalDialog>
      )}
    </section>
  );
}
