import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorAging } from "../lib/api-types.ts";

export interface AgingCurrencyTableProps {
  aging: DebtorAging;
  asOf: string;
}

/** One currency's open amounts per overdue bucket, with a bar for each bucket's share. */
export function AgingCurrencyTable({ aging, asOf }: AgingCurrencyTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = new Intl.NumberFormat(format.locale, { style: "percent", maximumFractionDigits: 0 });
  // credit notes can make a bucket negative: shares are of the positive amounts
  const positive = aging.buckets.reduce((sum, b) => sum + Math.max(0, b.totalMinor), 0);
  return (
    <div className="table-wrap">
      <table className="table aging-table" data-testid="aging-currency" data-currency={aging.currency}>
        <caption>{t("debtor.agingOf", { currency: aging.currency, date: format.calendarDate(asOf) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("debtor.bucket")}</th>
            <th scope="col" className="numeric">
              {t("debtor.amount")}
            </th>
            <th scope="col" className="numeric">
              {t("debtor.items")}
            </th>
            <th scope="col">{t("debtor.share")}</th>
          </tr>
        </thead>
        <tbody>
          {aging.buckets.map((b) => {
            const share = positive > 0 ? Math.max(0, b.totalMinor) / positive : 0;
            return (
              <tr key={b.bucket} data-testid="aging-bucket" data-bucket={b.bucket} data-currency={aging.currency}>
                <th scope="row">{t(`ledger.buckets.${b.bucket}`)}</th>
                <td className="numeric" data-testid="aging-amount">
                  {format.money(b.totalMinor, aging.currency)}
                </td>
                <td className="numeric">{format.integer(b.itemCount)}</td>
                <td className="aging-share">
                  <span className="aging-track" aria-hidden="true">
                    <span className={`aging-bar aging-bar-${b.bucket}`} style={{ inlineSize: `${Math.round(share * 100)}%` }} />
                  </span>
                  <span className="aging-percent">{percent.format(share)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("debtor.total")}</th>
            <td className="numeric" data-testid="aging-total">
              {format.money(aging.totalMinor, aging.currency)}
            </td>
            <td className="numeric">{format.integer(aging.itemCount)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
