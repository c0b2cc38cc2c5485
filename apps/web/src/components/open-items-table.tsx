import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorOpenItem } from "../lib/api-types.ts";
import { DaysPastDue } from "./days-past-due.tsx";
import { InvoiceStatusBadge } from "./invoice-status-badge.tsx";

export interface OpenItemsTableProps {
  items: DebtorOpenItem[];
  /** All open items of the debtor; more than `items` when the list was cut. */
  total: number;
}

/** A debtor's open invoices and credit notes, oldest due first. */
export function OpenItemsTable({ items, total }: OpenItemsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby="open-items-title">
      <h2 id="open-items-title">{t("debtor.openItemsTitle")}</h2>
      {items.length < total && <p className="muted">{t("debtor.openItemsShown", { shown: items.length, total })}</p>}
      <div className="table-wrap">
        <table className="table" data-testid="open-items">
          <thead>
            <tr>
              <th scope="col">{t("invoices.number")}</th>
              <th scope="col">{t("invoices.issueDate")}</th>
              <th scope="col">{t("invoices.dueDate")}</th>
              <th scope="col" className="numeric">
                {t("invoices.daysPastDue")}
              </th>
              <th scope="col">{t("invoices.status")}</th>
              <th scope="col" className="numeric">
                {t("invoices.amount")}
              </th>
              <th scope="col" className="numeric">
                {t("invoices.open")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={7} className="empty">
                  {t("debtor.noOpenItems")}
                </td>
              </tr>
            ) : (
              items.map((item) => (
                <tr key={item.id} data-testid="open-item-row">
                  <th scope="row" className="mono">
                    {item.number}
                    {item.kind === "credit_note" && <span className="badge">{t("ledger.kinds.credit_note")}</span>}
                    {item.paymentReference && <span className="subtle-line">{item.paymentReference}</span>}
                    {item.poNumber && <span className="subtle-line">{item.poNumber}</span>}
                  </th>
                  <td>{format.calendarDate(item.issueDate)}</td>
                  <td>{format.calendarDate(item.dueDate)}</td>
                  <td className="numeric">
                    <DaysPastDue days={item.daysPastDue} />
                  </td>
                  <td>
                    <InvoiceStatusBadge status={item.status} />
                  </td>
                  <td className="numeric">{format.money(item.amountMinor, item.currency)}</td>
                  <td className="numeric">{format.money(item.openMinor, item.currency)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
