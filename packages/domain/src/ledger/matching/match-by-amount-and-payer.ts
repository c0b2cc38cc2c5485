import { describeAmount, matched, payerInvoices } from "./matching-helpers.ts";
import type { MatchingRule } from "./matching-types.ts";

/** Rule 2: the payer is a known debtor (IBAN or name) and exactly one of its open invoices has this open amount. */
export const matchByAmountAndPayer: MatchingRule = (payment, context) => {
  const { debtorIds, invoices } = payerInvoices(payment, context);
  if (debtorIds.length === 0) return { status: "none", reason: "payer not recognised by IBAN or name" };
  const candidates = invoices.filter((invoice) => invoice.openMinor === payment.amountMinor);
  const amount = describeAmount(payment.amountMinor, payment.currency);
  if (candidates.length === 1) return matched("amount-payer", payment, candidates);
  if (candidates.length > 1) return { status: "ambiguous", reason: `${candidates.length} open invoices of the payer are open for ${amount}` };
  return { status: "none", reason: `no open invoice of the payer is open for ${amount}` };
};
