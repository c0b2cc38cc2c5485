import { useTranslation } from "react-i18next";
import type { QueuedPayment } from "../lib/ledger-api-types.ts";
import type { AllocationDone } from "./payment-allocation-form.tsx";
import { QueuedPaymentRow } from "./queued-payment-row.tsx";

export interface MatchingQueueTableProps {
  payments: QueuedPayment[];
  onAllocated: (done: AllocationDone) => void;
  stale?: boolean;
}

export function MatchingQueueTable({ payments, onAllocated, stale = false }: MatchingQueueTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table matching-queue" data-testid="matching-queue" aria-busy={stale || undefined}>
        <caption className="visually-hidden">{t("matching.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("matching.date")}</th>
            <th scope="col">{t("matching.payer")}</th>
            <th scope="col" className="numeric">
              {t("matching.amount")}
            </th>
            <th scope="col" className="numeric">
              {t("matching.unapplied")}
            </th>
            <th scope="col">{t("matching.reference")}</th>
            <th scope="col">{t("matching.invoices")}</th>
          </tr>
        </thead>
        <tbody className={stale ? "stale" : undefined}>
          {payments.map((payment) => (
            // a new key when the unapplied money changes: the form's ticks belonged to the old amount
            <QueuedPaymentRow key={`${payment.id}:${payment.unappliedMinor}`} payment={payment} onAllocated={onAllocated} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
