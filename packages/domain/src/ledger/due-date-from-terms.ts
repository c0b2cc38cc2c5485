import { addDays, endOfMonth, type IsoDate } from "./calendar-date.ts";
import { invalidValue } from "./ledger-errors.ts";

/**
 * Due date from payment terms, for sources that carry none (FEC). "45 days end of month" has two accepted
 * computations (FACTS §1, L441-10): end of the invoice month then the days, or the days then end of that month.
 */
export type EndOfMonthRule = "none" | "end-of-month-then-days" | "days-then-end-of-month";

export interface PaymentTerms {
  readonly days: number;
  readonly endOfMonth?: EndOfMonthRule;
}

export const dueDateFromTerms = (issueDate: IsoDate, terms: PaymentTerms): IsoDate => {
  if (!Number.isSafeInteger(terms.days) || terms.days < 0) {
    throw invalidValue(`Payment terms of ${terms.days} days are not a whole, non-negative number of days`, "ledger.invalidTerms");
  }
  switch (terms.endOfMonth ?? "none") {
    case "none":
      return addDays(issueDate, terms.days);
    case "end-of-month-then-days":
      return addDays(endOfMonth(issueDate), terms.days);
    case "days-then-end-of-month":
      return endOfMonth(addDays(issueDate, terms.days));
  }
};
