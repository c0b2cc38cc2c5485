import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorListRow } from "../lib/api-types.ts";
import { BalanceList } from "./balance-list.tsx";

export interface DebtorsTableProps {
  rows: DebtorListRow[];
  /** Rows of the previous search or page, shown while the next ones load. */
  stale?: boolean;
}

export function DebtorsTable({ rows, stale = false }: DebtorsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="debtors-table" aria-busy={stale || undefined}>
        <caption className="visually-hidden">{t("debtors.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("debtors.name")}</th>
            <th scope="col">{t("debtors.externalId")}</th>
            <th scope="col">{t("debtors.location")}</th>
            <th scope="col">{t("debtors.segment")}</th>
            <th scope="col">{t("debtors.salesOwner")}</th>
            <th scope="col" className="numeric">
              {t("debtors.openInvoices")}
            </th>
            <th scope="col" className="numeric">
              {t("debtors.openBalance")}
            </th>
            <th scope="col" className="numeric">
              {t("debtors.overdueBalance")}
            </th>
          </tr>
        </thead>
        <tbody className={stale ? "stale" : undefined}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="empty" data-testid="debtors-empty">
                {t("debtors.empty")}
              </td>
            </tr>
          ) : (
            rows.map((d) => (
              <tr key={d.id} data-testid="debtor-row">
                <th scope="row" className="debtor-name" data-testid="debtor-name">
                  <Link to={`/debtors/${d.id}`} data-testid="debtor-link" aria-label={t("debtors.open", { name: d.name })}>
                    {d.name}
                  </Link>
                </th>
                <td className="mono">{d.externalId}</td>
                <td>{[d.city, d.country].filter(Boolean).join(", ")}</td>
                <td>{t(`debtors.segments.${d.segment}`)}</td>
                <td>{d.salesOwnerName ?? t("debtors.noOwner")}</td>
                <td className="numeric">{format.integer(d.openInvoices)}</td>
                <td className="numeric">
                  <BalanceList amounts={d.balances.map((b) => ({ currency: b.currency, amountMinor: b.openMinor }))} />
                </td>
                <td className="numeric">
                  <BalanceList
                    amounts={d.balances
                      .filter((b) => (b.overdueMinor ?? 0) !== 0)
                      .map((b) => ({ currency: b.currency, amountMinor: b.overdueMinor ?? 0 }))}
                  />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
