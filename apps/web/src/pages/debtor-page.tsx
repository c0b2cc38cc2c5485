import { hasRole, LEDGER_WRITERS } from "@relance/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DebtorAging } from "../components/debtor-aging.tsx";
import { DebtorContacts } from "../components/debtor-contacts.tsx";
import { DebtorHeader } from "../components/debtor-header.tsx";
import { CreditLimitAlert } from "../components/credit-limit-alert.tsx";
import { DebtorCreditLimitForm } from "../components/debtor-credit-limit-form.tsx";
import { DebtorOwnerForm } from "../components/debtor-owner-form.tsx";
import { DebtorPayments } from "../components/debtor-payments.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { RecordLoadError } from "../components/record-load-error.tsx";
import { Loading } from "../components/loading.tsx";
import { OpenItemsTable } from "../components/open-items-table.tsx";
import { StageBadge } from "../components/stage-badge.tsx";
import { Timeline } from "../components/timeline.tsx";
import { useMe } from "../hooks/use-me.ts";
import { DEFAULT_INVOICE_VIEW, writeInvoiceView } from "../lib/invoice-view-params.ts";
import { useTRPC } from "../lib/trpc.ts";
import "../styles/case-work.css";
import "../styles/receivable-lists.css";

export function DebtorPage() {
  const { t } = useTranslation();
  const { role } = useMe();
  const canWrite = hasRole(role, LEDGER_WRITERS);
  const trpc = useTRPC();
  const debtorId = useParams().id ?? "";
  const found = useQuery(trpc.debtors.get.queryOptions({ debtorId }));

  let body;
  if (found.isPending) body = <Loading />;
  else if (found.isError) body = <RecordLoadError error={found.error} notFoundText={t("debtor.notFound")} testId="debtor-not-found" />;
  else {
    const { debtor, contacts, ibans, aging, asOf, openItems, openItemCount, payments } = found.data;
    const invoicesLink = `/invoices?${writeInvoiceView({ ...DEFAULT_INVOICE_VIEW, statuses: [], debtorId: debtor.id }).toString()}`;
    body = (
      <>
        <DebtorHeader debtor={debtor} ibans={ibans} />
        <CreditLimitAlert debtor={debtor} aging={aging} />
        {canWrite && (
          <div className="debtor-account-forms">
            <DebtorOwnerForm key={`owner-${debtor.salesOwnerId ?? "none"}`} debtorId={debtor.id} salesOwnerId={debtor.salesOwnerId} />
            <DebtorCreditLimitForm
              key={`limit-${debtor.creditLimitMinor ?? "none"}`}
              debtorId={debtor.id}
              creditLimitMinor={debtor.creditLimitMinor}
              currency={debtor.creditLimitCurrency}
            />
          </div>
        )}
        <p>
          <Link to={invoicesLink} data-testid="debtor-invoices-link">
            {t("debtor.seeInvoices")}
          </Link>
        </p>
        <p data-testid="debtor-open-case">
          {debtor.openCaseId ? (
            <>
              {t("debtor.openCase")}{" "}
              <Link to={`/cases/${debtor.openCaseId}`} data-testid="debtor-open-case-link">
                <StageBadge stage={debtor.openCaseStage ?? ""} />
              </Link>
            </>
          ) : (
            t("debtor.noOpenCase")
          )}
        </p>
        <DebtorAging aging={aging} asOf={asOf} />
        <OpenItemsTable items={openItems} total={openItemCount} />
        <DebtorPayments payments={payments} />
        <DebtorContacts debtorId={debtor.id} contacts={contacts} canEdit={canWrite} />
        <Timeline scope={{ debtorId: debtor.id }} title={t("debtor.timelineTitle")} testId="debtor-timeline" className="card" />
      </>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to="/debtors">← {t("debtor.backToList")}</Link>
      </p>
      {body}
    </div>
  );
}
