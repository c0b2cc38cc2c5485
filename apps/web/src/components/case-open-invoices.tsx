import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { CaseDetail } from "../lib/case-api-types.ts";

/** The debtor's invoices with money open, oldest due first, with a total per currency. */
export function CaseOpenInvoices({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="case-section" aria-labelledby="case-invoices-title">
      <h2 id="case-invoices-title">{t("caseWork.openInvoices")}</h2>
      {detail.openInvoices.length === 0 ? (
        <p className="empty">{t("caseWork.noOpenInvoices")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="case-invoices">
            <caption className="visually-hidden">{t("caseWork.openInvoices")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("caseWork.invoice")}</th>
                <th scope="col">{t("caseWork.dueDate")}</th>
                <th scope="col" className="numeric">{t("caseWork.amount")}</th>
                <th scope="col" className="numeric">{t("caseWork.open")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.openInvoices.map((i) => (
                <tr key={i.id} data-testid="case-invoice">
                  <th scope="row">
                    {i.number}
                    {i.disputed && <> <span className="badge invoice-disputed" data-testid="invoice-disputed">{t("disputes.disputed")}</span></>}
                  </th>
                  <td>{format.calendarDate(i.dueDate)}</td>
                  <td className="numeric">{format.money(i.amountMinor, i.currency)}</td>
                  <td className="numeric">{format.money(i.openMinor, i.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {detail.totals.map((total) => (
                <tr key={total.currency} data-testid="case-total">
                  <th scope="row" colSpan={3}>{t("caseWork.total", { currency: total.currency, count: total.invoiceCount })}</th>
                  <td className="numeric">{format.money(total.openMinor, total.currency)}</td>
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
