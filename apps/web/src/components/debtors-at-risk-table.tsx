import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorAtRisk } from "../lib/kpi-api-types.ts";
import { KpiFormulaTip } from "./kpi-formula-tip.tsx";

/** The debtors with the most overdue money, weighted by lateness; each opens its debtor page. */
export function DebtorsAtRiskTable({ rows }: { rows: DebtorAtRisk[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const title = t("dashboard.risk.title");
  return (
    <section className="card" aria-labelledby="kpi-risk-title" data-testid="kpi-debtors-at-risk">
      <h2 id="kpi-risk-title">
        {title} <KpiFormulaTip name={title} formula={t("dashboard.formulas.risk")} />
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.risk.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.risk.debtor")}</th>
                <th scope="col" className="numeric">{t("dashboard.risk.overdue")}</th>
                <th scope="col" className="numeric">{t("dashboard.risk.oldest")}</th>
                <th scope="col" className="numeric">{t("dashboard.risk.count")}</th>
                <th scope="col" className="numeric">{t("dashboard.risk.score")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.debtorId}-${r.currency}`}>
                  <th scope="row">
                    <Link to={`/debtors/${r.debtorId}`}>{r.name}</Link>
                  </th>
                  <td className="numeric">{format.money(r.overdueMinor, r.currency)}</td>
                  <td className="numeric">{t("dashboard.figures.days", { value: format.integer(r.oldestDaysPastDue) })}</td>
                  <td className="numeric">{format.integer(r.overdueCount)}</td>
                  <td className="numeric">{format.integer(Math.round(r.riskScore))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
