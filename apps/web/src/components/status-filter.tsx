import { INVOICE_STATUSES, type InvoiceStatus } from "@relance/domain";
import { useTranslation } from "react-i18next";

export interface StatusFilterProps {
  /** Empty: every status. */
  value: readonly InvoiceStatus[];
  onChange: (statuses: InvoiceStatus[]) => void;
}

/** The statuses to show, as a group of checkboxes; none ticked shows every status. */
export function StatusFilter({ value, onChange }: StatusFilterProps) {
  const { t } = useTranslation();
  const toggle = (status: InvoiceStatus, checked: boolean) =>
    onChange(INVOICE_STATUSES.filter((s) => (s === status ? checked : value.includes(s))));
  return (
    <fieldset className="checkbox-group" data-testid="filter-status">
      <legend>{t("invoices.statusFilter")}</legend>
      {INVOICE_STATUSES.map((status) => (
        <label key={status} className="checkbox">
          <input
            type="checkbox"
            value={status}
            data-testid={`filter-status-${status}`}
            checked={value.includes(status)}
            onChange={(e) => toggle(status, e.target.checked)}
          />
          {t(`ledger.statuses.${status}`)}
        </label>
      ))}
    </fieldset>
  );
}
