import { describeAmount, matched, receivingInvoices } from "./matching-helpers.ts";
import type { MatchingRule, OpenInvoiceForMatching } from "./matching-types.ts";

/** Shorter invoice numbers ("42") would be found in dates, amounts and postcodes. */
export const MIN_NUMBER_LENGTH = 4;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where the number stands as a whole token in the text (not inside a longer word or number), or -1. */
const positionOf = (text: string, number: string): number => {
  const pattern = new RegExp(`(?<![A-Z0-9])${escapeRegExp(number)}(?![A-Z0-9])`);
  return pattern.exec(text)?.index ?? -1;
};

/** Open invoices whose numbers appear in the text, in the order the payer wrote them. */
export const invoicesNamedIn = (text: string, invoices: readonly OpenInvoiceForMatching[]): OpenInvoiceForMatching[] => {
  const upper = text.toUpperCase();
  return invoices
    .map((invoice) => ({ invoice, number: invoice.number.trim().toUpperCase() }))
    .filter(({ number }) => number.length >= MIN_NUMBER_LENGTH)
    .map(({ invoice, number }) => ({ invoice, at: positionOf(upper, number) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ invoice }) => invoice);
};

/** Rule 4: invoice numbers in the free text; they are paid in full in text order, any surplus stays unapplied. */
export const matchByFreeText: MatchingRule = (payment, context) => {
  const text = payment.unstructured ?? "";
  if (text.trim() === "") return { status: "none", reason: "no free text" };
  const named = invoicesNamedIn(text, receivingInvoices(payment, context));
  if (named.length === 0) return { status: "none", reason: "no open invoice number in the free text" };
  const total = named.reduce((sum, invoice) => sum + invoice.openMinor, 0);
  if (total > payment.amountMinor) {
    const amounts = `${describeAmount(total, payment.currency)} > ${describeAmount(payment.amountMinor, payment.currency)}`;
    return { status: "none", reason: `the invoices named in the free text are open for more than the payment (${amounts})` };
  }
  return matched("free-text", payment, named);
};
