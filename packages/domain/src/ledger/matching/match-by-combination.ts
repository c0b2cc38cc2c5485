import { describeAmount, matched, payerInvoices } from "./matching-helpers.ts";
import type { MatchingRule, OpenInvoiceForMatching } from "./matching-types.ts";

/** Bounds keep the search small (Σ C(12, 2…4) = 781 subsets per debtor) and the answer explainable. */
export const COMBINATION_LIMITS = { invoicesConsidered: 12, maxInvoices: 4, minInvoices: 2 } as const;

/** Subsets of 2 to 4 invoices (kept in the given order) whose open amounts sum to the target; stops after `stopAfter`. */
export const findCombinations = (invoices: readonly OpenInvoiceForMatching[], target: number, stopAfter = 2): OpenInvoiceForMatching[][] => {
  const found: OpenInvoiceForMatching[][] = [];
  const walk = (start: number, chosen: OpenInvoiceForMatching[], sum: number): void => {
    if (found.length >= stopAfter) return;
    if (sum === target && chosen.length >= COMBINATION_LIMITS.minInvoices) {
      found.push([...chosen]);
      return;
    }
    if (chosen.length === COMBINATION_LIMITS.maxInvoices) return;
    for (let i = start; i < invoices.length; i++) {
      const invoice = invoices[i]!;
      // open amounts are positive, so a sum past the target cannot come back
      if (sum + invoice.openMinor > target) continue;
      walk(i + 1, [...chosen, invoice], sum + invoice.openMinor);
    }
  };
  walk(0, [], 0);
  return found;
};

/** Rule 3: exactly one combination of one recognised payer's oldest open invoices sums to the payment. */
export const matchByCombination: MatchingRule = (payment, context) => {
  const { debtorIds, invoices } = payerInvoices(payment, context);
  if (debtorIds.length === 0) return { status: "none", reason: "payer not recognised by IBAN or name" };
  const combinations = debtorIds.flatMap((debtorId) =>
    findCombinations(invoices.filter((i) => i.debtorId === debtorId).slice(0, COMBINATION_LIMITS.invoicesConsidered), payment.amountMinor),
  );
  const amount = describeAmount(payment.amountMinor, payment.currency);
  if (combinations.length === 1) return matched("combination", payment, combinations[0]!);
  if (combinations.length > 1) return { status: "ambiguous", reason: `several combinations of open invoices sum to ${amount}` };
  return { status: "none", reason: `no combination of 2 to 4 open invoices of the payer sums to ${amount}` };
};
