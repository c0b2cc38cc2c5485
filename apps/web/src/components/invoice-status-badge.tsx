import type { InvoiceStatus } from "@relance/domain";
import { useTranslation } from "react-i18next";

/** An invoice's derived status, as a badge coloured by urgency. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge invoice-status-${status}`} data-testid="invoice-status" data-status={status}>
      {t(`ledger.statuses.${status}`)}
    </span>
  );
}
