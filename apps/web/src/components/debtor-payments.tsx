import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorPayment } from "../lib/api-types.ts";

const KNOWN_RULES = ["reference", "amount-payer", "combination", "free-text", "manual"] as const;
type KnownRule = (typeof KNOWN_RULES)[number];
const isKnownRule = (rule: string): rule is KnownRule => (KNOWN_RULES as readonly string[]).includes(rule);

/** The latest payments allocated to the debtor's invoices, with what each paid and by which matching rule. */
export function DebtorPayments({ payments }: { payments: DebtorPayment[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-labelledby="debtor-payments-title" data-testid="debtor-payments">
      <h2 id="debtor-payments-title">{t("debtor.paymentsTitle")}</h2>
      {payments.length === 0 ? (
        <p className="empty">{t("debtor.noPayments")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("debtor.bookingDate")}</th>
                <th scope="col" className="numeric">
                  {t("debtor.paymentAmount")}
                </th>
                <th scope="col">{t("debtor.payer")}</th>
                <th scope="col">{t("debtor.allocations")}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id} data-testid="payment-row" className={p.reversed ? "reversed" : undefined}>
                  <th scope="row">
                    {format.calendarDate(p.bookingDate)}
                    {p.reversed && <span className="badge badge-danger">{t("debtor.reversed")}</span>}
                  </th>
                  <td className="numeric">{format.money(p.amountMinor, p.currency)}</td>
                  <td>{p.payerName ?? "—"}</td>
                  <td>
                    <ul className="plain-list">
                      {p.allocations.map((a, index) => (
                        <li key={index} className={a.reversed ? "reversed" : undefined}>
                          <span className="mono">{a.invoiceNumber}</span> · {format.money(a.amountMinor, p.currency)} ·{" "}
                          <span className="muted">{isKnownRule(a.rule) ? t(`debtor.rules.${a.rule}`) : a.rule}</span>
                          {a.reversed && <span className="badge badge-danger">{t("debtor.reversed")}</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
