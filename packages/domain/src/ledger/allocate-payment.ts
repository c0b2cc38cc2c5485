import { checkedMinor } from "./money-arithmetic.ts";
import { invalidValue } from "./ledger-errors.ts";

/**
 * Spreads a payment over open invoices: each invoice receives at most its open amount, what is left is unapplied.
 * Only whole minor units move, so Σ allocations + unapplied = payment exactly.
 */
export interface AllocatableInvoice {
  readonly id: string;
  readonly openMinor: number;
  /** Used by "oldest-first"; falls back to the issue date, then to the given order. */
  readonly dueDate?: string;
  readonly issueDate?: string;
}

export type AllocationStrategy = "oldest-first" | "as-given";

export interface Allocation {
  readonly invoiceId: string;
  readonly amountMinor: number;
}

export interface AllocationResult {
  /** Only invoices that receive something, in the order they were served. */
  readonly allocations: Allocation[];
  readonly unappliedMinor: number;
}

const LATEST = "9999-12-31";
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest due date first, then oldest issue date; ties keep the given order (Array.prototype.sort is stable). */
export const sortOldestFirst = <T extends AllocatableInvoice>(invoices: readonly T[]): T[] =>
  [...invoices].sort((a, b) => {
    const byDue = byText(a.dueDate ?? a.issueDate ?? LATEST, b.dueDate ?? b.issueDate ?? LATEST);
    return byDue !== 0 ? byDue : byText(a.issueDate ?? LATEST, b.issueDate ?? LATEST);
  });

export const allocatePayment = (
  amountMinor: number,
  invoices: readonly AllocatableInvoice[],
  strategy: AllocationStrategy,
): AllocationResult => {
  checkedMinor(amountMinor);
  if (amountMinor < 0) throw invalidValue(`A payment of ${amountMinor} minor units cannot be allocated: it is negative`, "ledger.negativePayment");
  const ordered = strategy === "oldest-first" ? sortOldestFirst(invoices) : invoices;
  const allocations: Allocation[] = [];
  let remaining = amountMinor;
  for (const invoice of ordered) {
    if (remaining === 0) break;
    checkedMinor(invoice.openMinor);
    // Credit notes and settled invoices (open ≤ 0) cannot absorb a payment.
    if (invoice.openMinor <= 0) continue;
    const share = Math.min(remaining, invoice.openMinor);
    allocations.push({ invoiceId: invoice.id, amountMinor: share });
    remaining -= share;
  }
  return { allocations, unappliedMinor: remaining };
};
