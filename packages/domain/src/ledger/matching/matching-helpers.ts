import { allocatePayment, sortOldestFirst } from "../allocate-payment.ts";
import { formatDecimal } from "../decimal-amount.ts";
import type { MatchablePayment, MatchingContext, MatchKind, OpenInvoiceForMatching, RuleOutcome } from "./matching-types.ts";
import { identifyPayer } from "./identify-payer.ts";

/** Invoices that can receive this payment: same currency, something open. */
export const receivingInvoices = (payment: MatchablePayment, context: MatchingContext): OpenInvoiceForMatching[] =>
  context.openInvoices.filter((invoice) => invoice.currency === payment.currency && invoice.openMinor > 0);

/** Open invoices of the debtors the payer is recognised as, oldest first. */
export const payerInvoices = (payment: MatchablePayment, context: MatchingContext): { debtorIds: string[]; invoices: OpenInvoiceForMatching[] } => {
  const debtorIds = identifyPayer(payment, context.debtors);
  const invoices = sortOldestFirst(receivingInvoices(payment, context).filter((invoice) => debtorIds.includes(invoice.debtorId)));
  return { debtorIds, invoices };
};

/** Serves the invoices in the given order; whatever exceeds them stays unapplied. */
export const matched = (kind: MatchKind, payment: MatchablePayment, invoices: readonly OpenInvoiceForMatching[]): RuleOutcome => {
  const { allocations, unappliedMinor } = allocatePayment(payment.amountMinor, invoices, "as-given");
  return { status: "matched", match: { kind, invoiceIds: invoices.map((i) => i.id), allocations, unappliedMinor } };
};

export const describeAmount = (amountMinor: number, currency: string): string => `${currency} ${formatDecimal(amountMinor)}`;
