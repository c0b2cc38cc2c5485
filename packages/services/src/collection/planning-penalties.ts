import { computeLatePenalties, interestForDays, parseRatePercent, type Jurisdiction, type RateTables, type Segment } from "@relance/domain";

export interface PenaltyInvoice {
  jurisdiction: Jurisdiction;
  segment: Segment;
  currency: "EUR" | "CHF";
  dueDate: string;
  openMinor: number;
}

interface PenaltyShape {
  lines: { rate: number; days: number; yearDays: number }[];
  indemnityMinor: number;
}

/**
 * Late penalties for many invoices as of one date, equal to `computeLatePenalties` invoice by invoice. The periods
 * and rates of an invoice depend only on its rule, currency and due date, never on the amount, so they are computed
 * once per due date by the domain and each invoice's lines are then the domain's own `interestForDays` on its open
 * amount (rounded per line, like the domain). This keeps a million-invoice run within seconds.
 */
export type PenaltyCalculator = (invoice: PenaltyInvoice) => { interestMinor: number; indemnityMinor: number };

export const createPenaltyCalculator = (tables: RateTables, asOf: string): PenaltyCalculator => {
  const shapes = new Map<string, PenaltyShape>();
  const shapeOf = (invoice: PenaltyInvoice): PenaltyShape => {
    const key = `${invoice.jurisdiction}|${invoice.segment}|${invoice.currency}|${invoice.dueDate}`;
    let shape = shapes.get(key);
    if (shape === undefined) {
      const reference = computeLatePenalties({
        jurisdiction: invoice.jurisdiction, segment: invoice.segment, principalMinor: 100_000, currency: invoice.currency, dueDate: invoice.dueDate, asOf, tables,
      });
      shape = {
        lines: reference.lines.map((line) => ({ rate: parseRatePercent(line.ratePercent), days: line.days, yearDays: line.yearDays })),
        indemnityMinor: reference.indemnityMinor,
      };
      shapes.set(key, shape);
    }
    return shape;
  };
  return (invoice: PenaltyInvoice): { interestMinor: number; indemnityMinor: number } => {
    if (invoice.openMinor <= 0) return { interestMinor: 0, indemnityMinor: 0 };
    const shape = shapeOf(invoice);
    let interestMinor = 0;
    for (const line of shape.lines) interestMinor += interestForDays(invoice.openMinor, line.rate, line.days, line.yearDays);
    return { interestMinor, indemnityMinor: shape.indemnityMinor };
  };
};
