import { useTranslation } from "react-i18next";
import { useFormatters } from "../hooks/use-formatters.ts";
import type { InvoiceChoice } from "../lib/ledger-api-types.ts";

export interface InvoiceChoiceListProps {
  legend: string;
  choices: InvoiceChoice[];
  selected: ReadonlySet<string>;
  onToggle: (choice: InvoiceChoice, checked: boolean) => void;
  /** The money to place: an invoice open for exactly this is flagged. */
  unappliedMinor: number;
  testId: string;
  /** Makes the checkbox ids unique on the page. */
  idPrefix: string;
  disabled?: boolean;
}

/** Open invoices as checkboxes, each with its debtor, open amount and due date. */
export function InvoiceChoiceList({ legend, choices, selected, onToggle, unappliedMinor, testId, idPrefix, disabled = false }: InvoiceChoiceListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <fieldset className="fieldset invoice-choices" disabled={disabled}>
      <legend>{legend}</legend>
      <ul className="choice-list">
        {choices.map((choice) => {
          const id = `${idPrefix}-${choice.invoiceId}`;
          return (
            <li key={choice.invoiceId}>
              <label htmlFor={id} className="choice invoice-choice" data-testid={testId} data-invoice-number={choice.number}>
                <input
                  id={id}
                  type="checkbox"
                  checked={selected.has(choice.invoiceId)}
                  onChange={(e) => onToggle(choice, e.target.checked)}
                />
                <span>
                  <strong className="mono">{choice.number}</strong> · {choice.debtorName}
                  <span className="invoice-choice-meta">
                    {t("matching.openAmount", { amount: format.money(choice.openMinor, choice.currency) })} ·{" "}
                    {t("matching.dueOn", { date: format.date(choice.dueDate) })}
                    {choice.openMinor === unappliedMinor && <span className="badge badge-accent">{t("matching.exactAmount")}</span>}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
