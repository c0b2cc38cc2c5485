import {
  applyAllocations,
  countUnappliedPayments,
  debtorNamesOf,
  findMatchingCandidates,
  findOpenInvoicesForUpdate,
  findPaymentForUpdate,
  listUnappliedPayments,
  rememberDebtorIban,
  reverseAllocation,
  searchOpenInvoices,
  withTenant,
  type QueuedPaymentRow,
} from "@relance/db";
import { AppError, allocatePayment } from "@relance/domain";
import { emitEvent, type Actor, type ServiceDeps } from "../deps.ts";
import { payerNameWords, referenceCandidates } from "../imports/match-payment-in-ledger.ts";

export interface InvoiceSuggestion {
  invoiceId: string;
  number: string;
  debtorName: string;
  openMinor: number;
  currency: string;
  dueDate: string;
}

export interface QueuedPayment extends QueuedPaymentRow {
  suggestions: InvoiceSuggestion[];
}

const SUGGESTIONS = 5;

/** Closest first: the exact amount, then by how near the open amount is to the unapplied money. */
const rankSuggestions = (payment: QueuedPaymentRow, invoices: { id: string; openMinor: number }[]) =>
  [...invoices].sort((a, b) => Math.abs(a.openMinor - payment.unappliedMinor) - Math.abs(b.openMinor - payment.unappliedMinor)).slice(0, SUGGESTIONS);

/** Payments waiting for a person, each with the invoices it most likely pays. */
export const listMatchingQueue = (deps: ServiceDeps, actor: Actor, page: { limit: number; offset: number }) =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const total = await countUnappliedPayments(tx);
    const payments = await listUnappliedPayments(tx, page.limit, page.offset);
    const queued: QueuedPayment[] = [];
    for (const payment of payments) {
      const { invoices } = await findMatchingCandidates(tx, {
        currency: payment.currency,
        amountMinor: payment.unappliedMinor,
        references: referenceCandidates(payment.reference, payment.remittanceText),
        payerIban: payment.payerIban,
        nameWords: payerNameWords(payment.payerName),
      });
      const ranked = rankSuggestions(payment, invoices);
      const names = await debtorNamesOf(tx, [...new Set(invoices.map((i) => i.debtorId))]);
      queued.push({
        ...payment,
        suggestions: ranked.map((r) => {
          const i = invoices.find((x) => x.id === r.id)!;
          return { invoiceId: i.id, number: i.number, debtorName: names.get(i.debtorId) ?? "", openMinor: i.openMinor, currency: i.currency, dueDate: i.dueDate };
        }),
      });
    }
    return { total, payments: queued };
  });

const paymentNotFound = () => new AppError("NOT_FOUND", "Payment not found", { key: "errors.notFound" });

/**
 * A person's match: the payment's unapplied money goes to the chosen invoices, oldest due first, never more than
 * each one's open amount; what is left stays unapplied.
 */
export const allocatePaymentManually = (deps: ServiceDeps, actor: Actor, input: { paymentId: string; invoiceIds: string[] }) =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const payment = await findPaymentForUpdate(tx, input.paymentId);
    if (!payment) throw paymentNotFound();
    if (payment.unappliedMinor <= 0) throw new AppError("PRECONDITION_FAILED", "This payment is already fully allocated.", { key: "payments.fullyAllocated" });
    const invoices = await findOpenInvoicesForUpdate(tx, [...new Set(input.invoiceIds)]);
    if (invoices.length !== new Set(input.invoiceIds).size) throw new AppError("NOT_FOUND", "Invoice not found", { key: "errors.notFound", fields: [{ path: "invoiceIds", message: "unknown invoice" }] });
    const wrong = invoices.find((i) => i.currency !== payment.currency || i.openMinor <= 0);
    if (wrong) {
      throw new AppError("BAD_REQUEST", `Invoice ${wrong.number} cannot take this payment (currency or nothing open).`, {
        fields: [{ path: "invoiceIds", message: `${wrong.number}: ${wrong.currency !== payment.currency ? "other currency" : "nothing open"}` }],
      });
    }
    const { allocations, unappliedMinor } = allocatePayment(payment.unappliedMinor, invoices, "as-given");
    const ids = await applyAllocations(
      tx,
      allocations.map((a) => ({ orgId: actor.orgId, paymentId: payment.id, invoiceId: a.invoiceId, amountMinor: a.amountMinor, rule: "manual", createdBy: actor.userId })),
    );
    if (payment.payerIban && invoices[0]) await rememberDebtorIban(tx, actor.orgId, invoices[0].debtorId, payment.payerIban);
    return { allocations: allocations.map((a, i) => ({ ...a, allocationId: ids[i]! })), unappliedMinor };
  }).then((result) => {
    emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
    return result;
  });

export const undoAllocation = async (deps: ServiceDeps, actor: Actor, allocationId: string): Promise<void> => {
  const done = await withTenant(deps.db.sql, actor.orgId, (tx) => reverseAllocation(tx, allocationId, actor.userId));
  if (!done) throw new AppError("NOT_FOUND", "Allocation not found or already reversed", { key: "errors.notFound" });
  emitEvent(deps, { type: "ledger.changed", orgId: actor.orgId });
};

export const searchInvoicesForPayment = (deps: ServiceDeps, actor: Actor, input: { paymentId: string; search: string }) =>
  withTenant(deps.db.sql, actor.orgId, async (tx) => {
    const payment = await findPaymentForUpdate(tx, input.paymentId);
    if (!payment) throw paymentNotFound();
    return searchOpenInvoices(tx, { currency: payment.currency, search: input.search, limit: 20 });
  });
