import { toEpochDay } from "../ledger/calendar-date.ts";
import { formatDecimal } from "../ledger/decimal-amount.ts";
import { checkedMinor } from "../ledger/money-arithmetic.ts";
import { invalidCollectionData } from "./collection-errors.ts";
import { explain, type Explanation } from "./explanation.ts";
import { chPenalties } from "./late-penalties-ch.ts";
import { frB2bPenalties, frB2cPenalties } from "./late-penalties-fr.ts";
import type { LatePenalties, LatePenaltyInput, PenaltyPart } from "./late-penalty-types.ts";

/**
 * Late penalties of one invoice as of a date. Conventions, the same everywhere:
 * - a period runs from its first day to `asOf`, both included; when it starts after a due date it starts the day
 *   after (the due date is the last day to pay), when it starts at a notice or reminder that day is included;
 * - each line is `principal × rate × days / 365` (Actual/365 Fixed, 365 even in a leap year), computed exactly on
 *   minor units and 0.0001 % rate units, rounded half-up to the minor unit once per line; the total is the sum of
 *   the rounded lines plus the indemnity;
 * - the rates come only from `input.tables`: a date no entry covers is an error naming the table.
 */
export const computeLatePenalties = (input: LatePenaltyInput): LatePenalties => {
  if (!Number.isSafeInteger(input.principalMinor)) {
    throw invalidCollectionData(`principalMinor: ${input.principalMinor} is not a whole number of minor units`, "collection.invalidPenaltyInput", [
      { path: "principalMinor", message: "must be a whole number of minor units" },
    ]);
  }
  toEpochDay(input.dueDate); // validate both dates up front, whatever path follows
  toEpochDay(input.asOf);
  const part = penaltyPartOf(input);
  const interestMinor = checkedMinor(part.lines.reduce((sum, line) => sum + line.interestMinor, 0));
  const totalMinor = checkedMinor(interestMinor + part.indemnityMinor);
  const summary = explain(
    "collection.penalty.total",
    { interest: formatDecimal(interestMinor), indemnity: formatDecimal(part.indemnityMinor), total: formatDecimal(totalMinor), currency: input.currency },
    `Total: interest ${formatDecimal(interestMinor)} + indemnity ${formatDecimal(part.indemnityMinor)} = ${formatDecimal(totalMinor)} ${input.currency}.`,
  );
  const notes = [...part.notes, summary];
  return {
    currency: input.currency,
    lines: part.lines,
    interestMinor,
    indemnityMinor: part.indemnityMinor,
    totalMinor,
    explanation: [...part.notes.map((n) => n.text), ...part.lines.map((l) => l.explanation.text), summary.text],
    notes,
  };
};

const nothing = (note: Explanation): PenaltyPart => ({ lines: [], indemnityMinor: 0, notes: [note] });

const penaltyPartOf = (input: LatePenaltyInput): PenaltyPart => {
  if (input.principalMinor <= 0) return nothing(explain("collection.penalty.nothingOpen", {}, "Nothing is open on this invoice: no penalties."));
  if (toEpochDay(input.asOf) <= toEpochDay(input.dueDate)) {
    return nothing(explain("collection.penalty.notYetLate", { dueDate: input.dueDate, asOf: input.asOf }, `Not late on ${input.asOf}: the invoice is due ${input.dueDate}.`));
  }
  if (input.jurisdiction === "CH") return chPenalties(input);
  return input.segment === "b2b" ? frB2bPenalties(input) : frB2cPenalties(input);
};
