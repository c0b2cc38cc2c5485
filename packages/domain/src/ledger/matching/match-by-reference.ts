import { normalizeReference } from "../payment-reference.ts";
import { matched, receivingInvoices } from "./matching-helpers.ts";
import type { MatchingRule } from "./matching-types.ts";

/** Rule 1: the structured reference (QRR, RF, or an invoice number) names exactly one open invoice. */
export const matchByReference: MatchingRule = (payment, context) => {
  const reference = normalizeReference(payment.structuredRef ?? "");
  if (reference === "") return { status: "none", reason: "no structured reference" };
  const names = (value: string | null | undefined) => value != null && value !== "" && normalizeReference(value) === reference;
  const candidates = receivingInvoices(payment, context).filter((invoice) => names(invoice.paymentReference) || names(invoice.number));
  if (candidates.length === 1) return matched("reference", payment, candidates);
  if (candidates.length > 1) return { status: "ambiguous", reason: `reference ${reference} names ${candidates.length} open invoices` };
  return { status: "none", reason: `no open ${payment.currency} invoice has reference ${reference}` };
};
