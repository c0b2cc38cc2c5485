import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";

export interface SummaryCardProps {
  currency: string;
  openMinor: number;
  overdueMinor: number;
  openInvoices: number;
}

export function SummaryCard({ currency, openMinor, overdueMinor, openInvoices }: SummaryCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = `summary-${currency}`;
  return (
    <section className="card summary-card" data-testid="summary-card" data-currency={currency} aria-labelledby={headingId}>
      <h3 id={headingId} className="summary-currency">
        {currency}
      </h3>
      <dl className="summary-figures">
        <div>
          <dt>{t("home.open")}</dt>
          <dd className="figure">{format.money(openMinor, currency)}</dd>
        </div>
        <div>
          <dt>{t("home.overdue")}</dt>
          <dd className="figure figure-overdue">{format.money(overdueMinor, currency)}</dd>
        </div>
        <div>
          <dt>{t("home.openInvoices")}</dt>
          <dd className="figure">{format.integer(openInvoices)}</dd>
        </div>
      </dl>
    </section>
  );
}
