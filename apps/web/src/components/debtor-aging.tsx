import { useTranslation } from "react-i18next";
import type { DebtorAging as Aging } from "../lib/api-types.ts";
import { AgingCurrencyTable } from "./aging-currency-table.tsx";

export interface DebtorAgingProps {
  aging: Aging[];
  asOf: string;
}

/** A debtor's open amounts per overdue bucket, one table per currency. */
export function DebtorAging({ aging, asOf }: DebtorAgingProps) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="debtor-aging-title" data-testid="debtor-aging">
      <h2 id="debtor-aging-title">{t("debtor.agingTitle")}</h2>
      {aging.length === 0 && <p className="empty">{t("debtor.noOpenItems")}</p>}
      <div className="aging-grid">
        {aging.map((row) => (
          <AgingCurrencyTable key={row.currency} aging={row} asOf={asOf} />
        ))}
      </div>
    </section>
  );
}
