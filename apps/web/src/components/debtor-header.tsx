import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { DebtorDetail } from "../lib/api-types.ts";

type Debtor = DebtorDetail["debtor"];

/** The debtor's identity, terms, owner and credit limit, as a list of facts. */
export function DebtorHeader({ debtor, ibans }: { debtor: Debtor; ibans: string[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = t("debtor.none");
  const address = [debtor.addressLine1, debtor.addressLine2, [debtor.postalCode, debtor.city].filter(Boolean).join(" ")].filter(Boolean);
  const facts: [string, string, string][] = [
    ["externalId", t("debtor.externalId"), debtor.externalId],
    ["identifier", t("debtor.identifier"), debtor.identifier ?? none],
    ["location", t("debtor.location"), [debtor.city, debtor.country].filter(Boolean).join(", ")],
    ["segment", t("debtor.segment"), t(`debtors.segments.${debtor.segment}`)],
    ["jurisdiction", t("debtor.jurisdiction"), t(`debtors.jurisdictions.${debtor.jurisdiction}`)],
    ["terms", t("debtor.terms"), t("debtor.termsDays", { count: debtor.paymentTermsDays })],
    ["owner", t("debtor.salesOwner"), debtor.salesOwnerName ?? none],
    [
      "credit-limit",
      t("debtor.creditLimit"),
      debtor.creditLimitMinor === null ? none : format.money(debtor.creditLimitMinor, debtor.creditLimitCurrency),
    ],
    ["email", t("debtor.email"), debtor.email ?? none],
    ["phone", t("debtor.phone"), debtor.phone ?? none],
    ["address", t("debtor.address"), address.length > 0 ? address.join(", ") : none],
    ["ibans", t("debtor.ibans"), ibans.length > 0 ? ibans.join(", ") : none],
  ];
  return (
    <header className="debtor-header" data-testid="debtor-header">
      <p className="eyebrow">{t("debtor.eyebrow")}</p>
      <h1 data-testid="debtor-title">{debtor.name}</h1>
      <dl className="facts debtor-facts">
        {facts.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`debtor-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
