import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorDetail } from "../lib/api-types.ts";

/** Says when what the debtor owes in the limit's currency is above his credit limit, and by how much. */
export function CreditLimitAlert({ debtor, aging }: { debtor: DebtorDetail["debtor"]; aging: DebtorDetail["aging"] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const owed = aging.find((a) => a.currency === debtor.creditLimitCurrency)?.totalMinor ?? 0;
  if (debtor.creditLimitMinor === null || owed <= debtor.creditLimitMinor) return null;
  return (
    <div className="alert alert-error" role="status" data-testid="credit-limit-exceeded">
      <p>
        {t("debtor.creditLimitExceeded", {
          owed: format.money(owed, debtor.creditLimitCurrency),
          limit: format.money(debtor.creditLimitMinor, debtor.creditLimitCurrency),
          over: format.money(owed - debtor.creditLimitMinor, debtor.creditLimitCurrency),
        })}
      </p>
    </div>
  );
}
