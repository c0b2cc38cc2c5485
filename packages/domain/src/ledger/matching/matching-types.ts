import type { Allocation } from "../allocate-payment.ts";
import type { IsoDate } from "../calendar-date.ts";

/** A payment to match: a `BookablePayment` from camt fits, as does a manually entered one. */
export interface MatchablePayment {
  readonly amountMinor: number;
  readonly currency: string;
  readonly structuredRef?: string | null;
  readonly unstructured?: string | null;
  readonly debtorName?: string | null;
  readonly debtorIban?: string | null;
}

export interface OpenInvoiceForMatching {
  readonly id: string;
  readonly debtorId: string;
  readonly number: string;
  readonly paymentReference?: string | null;
  /** Credit notes and settled invoices (≤ 0) never receive a payment. */
  readonly openMinor: number;
  readonly currency: string;
  readonly dueDate: IsoDate;
  readonly issueDate?: IsoDate;
}

export interface DebtorForMatching {
  readonly id: string;
  readonly name: string;
  /** IBANs this debtor has paid from before. */
  readonly ibans?: readonly string[];
}

export interface MatchingContext {
  readonly openInvoices: readonly OpenInvoiceForMatching[];
  readonly debtors: readonly DebtorForMatching[];
}

export type MatchKind = "reference" | "amount-payer" | "combination" | "free-text";

export interface PaymentMatch {
  readonly kind: MatchKind;
  readonly invoiceIds: string[];
  readonly allocations: Allocation[];
  readonly unappliedMinor: number;
}

export interface UnmatchedPayment {
  readonly kind: "unmatched";
  readonly reason: string;
  /** Why each rule, in order, did not match. */
  readonly attempts: { readonly rule: MatchKind; readonly reason: string }[];
}

export type MatchResult = PaymentMatch | UnmatchedPayment;

/** What one rule concluded: a match, nothing, or several candidates it cannot choose between. */
export type RuleOutcome =
  | { readonly status: "matched"; readonly match: PaymentMatch }
  | { readonly status: "none"; readonly reason: string }
  | { readonly status: "ambiguous"; readonly reason: string };

export type MatchingRule = (payment: MatchablePayment, context: MatchingContext) => RuleOutcome;
