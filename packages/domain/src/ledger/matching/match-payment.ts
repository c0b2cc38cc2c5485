import { matchByAmountAndPayer } from "./match-by-amount-and-payer.ts";
import { matchByCombination } from "./match-by-combination.ts";
import { matchByFreeText } from "./match-by-free-text.ts";
import { matchByReference } from "./match-by-reference.ts";
import type { MatchablePayment, MatchingContext, MatchingRule, MatchKind, MatchResult, UnmatchedPayment } from "./matching-types.ts";

/** FACTS §10, in this order: the first rule that matches wins. */
export const MATCHING_RULES: readonly { readonly kind: MatchKind; readonly rule: MatchingRule }[] = [
  { kind: "reference", rule: matchByReference },
  { kind: "amount-payer", rule: matchByAmountAndPayer },
  { kind: "combination", rule: matchByCombination },
  { kind: "free-text", rule: matchByFreeText },
];

/**
 * Pure and deterministic. A rule that finds several candidates does not guess: later rules still get their
 * chance, and if none matches the payment stays unmatched with the first ambiguity as its reason.
 */
export const matchPayment = (payment: MatchablePayment, context: MatchingContext): MatchResult => {
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) {
    return { kind: "unmatched", reason: "not an incoming amount", attempts: [] };
  }
  const attempts: UnmatchedPayment["attempts"] = [];
  let ambiguity: string | undefined;
  for (const { kind, rule } of MATCHING_RULES) {
    const outcome = rule(payment, context);
    if (outcome.status === "matched") return outcome.match;
    attempts.push({ rule: kind, reason: outcome.reason });
    if (outcome.status === "ambiguous") ambiguity ??= outcome.reason;
  }
  return { kind: "unmatched", reason: ambiguity ?? "no rule matched", attempts };
};
