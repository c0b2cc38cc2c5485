import { addDays, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { sumByCurrency } from "../ledger/money-arithmetic.ts";
import { CURRENCIES, type Currency, type Money } from "../money.ts";
import type { DunningPolicy, DunningStep } from "./dunning-policy.ts";

export interface DunningInvoice {
  readonly id: string;
  readonly debtorId: string;
  readonly currency: Currency;
  readonly dueDate: IsoDate;
  readonly openMinor: number;
  readonly disputed: boolean;
  /** The last day of a payment promise; the invoice is held while `asOf` ≤ this day. */
  readonly promiseUntil: IsoDate | null;
}

/** `${invoiceId}:${stepIndex}`, stepIndex 0-based in the policy. */
export type SentStepKey = `${string}:${number}`;
export const sentStepKey = (invoiceId: string, stepIndex: number): SentStepKey => `${invoiceId}:${stepIndex}`;

export interface DueStep {
  readonly invoice: DunningInvoice;
  readonly stepIndex: number;
  readonly step: DunningStep;
  /** dueDate + offsetDays: the day this step became due. */
  readonly dueOn: IsoDate;
  /** Earlier steps that came due but were never sent and now never will be (superseded by this one). */
  readonly skippedStepIndexes: number[];
}

export type HoldReason = "settled" | "disputed" | "promise";

export interface HeldInvoice {
  readonly invoiceId: string;
  readonly reason: HoldReason;
}

export interface NextDueSteps {
  readonly due: DueStep[];
  readonly held: HeldInvoice[];
}

const holdReason = (invoice: DunningInvoice, asOf: IsoDate): HoldReason | null => {
  if (invoice.openMinor <= 0) return "settled";
  if (invoice.disputed) return "disputed";
  if (invoice.promiseUntil !== null && toEpochDay(asOf) <= toEpochDay(invoice.promiseUntil)) return "promise";
  return null;
};

/**
 * The step to send per invoice as of a date. Rule: only the HIGHEST due step that is above every step already sent
 * is sent; unsent due steps between are recorded as skipped, never sent late (a debtor who gets a formal notice
 * should not then get "reminder 1"). An invoice whose highest due step was already sent gets nothing. Settled,
 * disputed and promised invoices are held, with the reason.
 */
export const nextDueSteps = (policy: DunningPolicy, invoices: readonly DunningInvoice[], sentSteps: ReadonlySet<string>, asOf: IsoDate): NextDueSteps => {
  const today = toEpochDay(asOf);
  const due: DueStep[] = [];
  const held: HeldInvoice[] = [];
  for (const invoice of invoices) {
    const reason = holdReason(invoice, asOf);
    if (reason !== null) {
      held.push({ invoiceId: invoice.id, reason });
      continue;
    }
    const dueIndexes = policy.steps.map((step, index) => ({ step, index })).filter(({ step }) => toEpochDay(addDays(invoice.dueDate, step.offsetDays)) <= today);
    const highestSent = Math.max(-1, ...policy.steps.map((_, index) => index).filter((index) => sentSteps.has(sentStepKey(invoice.id, index))));
    const highestDue = dueIndexes.at(-1);
    if (highestDue === undefined || highestDue.index <= highestSent) continue;
    due.push({
      invoice,
      stepIndex: highestDue.index,
      step: highestDue.step,
      dueOn: addDays(invoice.dueDate, highestDue.step.offsetDays),
      skippedStepIndexes: dueIndexes.map(({ index }) => index).filter((index) => index > highestSent && index < highestDue.index),
    });
  }
  return { due, held };
};

export interface DebtorReminder {
  readonly debtorId: string;
  /** The step that sets the level, channel and template: the highest level among the invoices, then the latest step. */
  readonly stepIndex: number;
  readonly step: DunningStep;
  readonly level: number;
  /** Every due invoice of the debtor, oldest due date first; each keeps its own step so each can be marked sent. */
  readonly items: DueStep[];
  /** The open amounts per currency, in CURRENCIES order. */
  readonly totals: Money[];
}

/** One reminder per debtor listing all its due invoices, at the highest level among them. Debtors in first-seen order. */
export const consolidateByDebtor = (dueSteps: readonly DueStep[]): DebtorReminder[] => {
  const byDebtor = new Map<string, DueStep[]>();
  for (const item of dueSteps) byDebtor.set(item.invoice.debtorId, [...(byDebtor.get(item.invoice.debtorId) ?? []), item]);
  return [...byDebtor].map(([debtorId, items]) => {
    const lead = items.reduce((best, item) =>
      item.step.level > best.step.level || (item.step.level === best.step.level && item.stepIndex > best.stepIndex) ? item : best,
    );
    const sorted = [...items].sort((a, b) => toEpochDay(a.invoice.dueDate) - toEpochDay(b.invoice.dueDate) || a.invoice.id.localeCompare(b.invoice.id));
    const byCurrency = sumByCurrency(items.map((item) => ({ amountMinor: item.invoice.openMinor, currency: item.invoice.currency })));
    const totals = CURRENCIES.flatMap((currency) => byCurrency[currency] ?? []);
    return { debtorId, stepIndex: lead.stepIndex, step: lead.step, level: lead.step.level, items: sorted, totals };
  });
};
