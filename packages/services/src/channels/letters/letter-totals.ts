import { addMoney, assertSameCurrency, sumMoney, type Money } from "@relance/domain";
import type { LetterLabels } from "./letter-labels.ts";
import type { Letter, LetterCharge } from "./letter-model.ts";

export interface TotalLine {
  label: string;
  amount: Money;
  emphasis: boolean;
}

const chargeLine = (charge: LetterCharge, defaultLabel: string): TotalLine => ({
  label: `${charge.label ?? defaultLabel}${charge.detail === undefined ? "" : ` (${charge.detail})`}`,
  amount: charge.amount,
  emphasis: false,
});

/**
 * Open total, then the penalties and the recovery indemnity when the engine computed them, then what is to be paid.
 * All in the letter's currency: a mixed-currency letter is refused rather than summed.
 */
export const letterTotals = (letter: Letter, labels: LetterLabels): TotalLine[] => {
  for (const invoice of letter.invoices) {
    assertSameCurrency(letter.currency, invoice.open.currency);
    assertSameCurrency(letter.currency, invoice.amount.currency);
  }
  const open = sumMoney(letter.invoices.map((invoice) => invoice.open), letter.currency);
  const charges = [
    ...(letter.penalties === undefined ? [] : [chargeLine(letter.penalties, labels.penalties)]),
    ...(letter.recoveryIndemnity === undefined ? [] : [chargeLine(letter.recoveryIndemnity, labels.recoveryIndemnity)]),
  ];
  if (charges.length === 0) return [{ label: labels.openTotal, amount: open, emphasis: true }];
  const total = charges.reduce((sum, line) => addMoney(sum, line.amount), open);
  return [{ label: labels.openTotal, amount: open, emphasis: false }, ...charges, { label: labels.totalDue, amount: total, emphasis: true }];
};
