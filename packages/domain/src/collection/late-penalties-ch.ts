import { addDays, toEpochDay, type IsoDate } from "../ledger/calendar-date.ts";
import { splitPeriod } from "./calendar-periods.ts";
import { parseRatePercent } from "./decimal-rate.ts";
import { explain, type Explanation } from "./explanation.ts";
import type { LatePenaltyInput, PenaltyPart } from "./late-penalty-types.ts";
import { penaltyLine } from "./penalty-line.ts";
import { rateInForceOn } from "./rate-tables.ts";

/** When default starts (CO 102), or null with the reason it has not. */
const defaultStart = (input: LatePenaltyInput): { from: IsoDate; note: Explanation } | { from: null; note: Explanation } => {
  if (input.fixedDueDate ?? true) {
    const from = addDays(input.dueDate, 1);
    return { from, note: explain("collection.penalty.chFixedStart", { from, dueDate: input.dueDate }, `Default interest runs from ${from}, the day after the fixed due date ${input.dueDate}, without a reminder (CO 102 al. 2).`) };
  }
  const reminder = input.firstReminderDate ?? null;
  if (reminder === null) return { from: null, note: explain("collection.penalty.chNoReminder", {}, "No interest yet: without a fixed due date, default starts with a reminder (Mahnung, CO 102 al. 1).") };
  if (toEpochDay(reminder) <= toEpochDay(input.dueDate)) {
    return { from: null, note: explain("collection.penalty.chEarlyReminder", { reminder, dueDate: input.dueDate }, `No interest: the reminder of ${reminder} came before the claim was due (${input.dueDate}) and did not put the debtor in default.`) };
  }
  return { from: reminder, note: explain("collection.penalty.chReminderStart", { from: reminder }, `Default interest runs from the reminder (Mahnung) of ${reminder}, that day included (CO 102 al. 1).`) };
};

/**
 * CH (CO 102–105): the default rate of the table (5 % p.a., CO 104) on the principal only — no interest on interest
 * (CO 105 al. 3) and no flat indemnity. The period is cut where the table's rate changes, if it ever does.
 */
export const chPenalties = (input: LatePenaltyInput): PenaltyPart => {
  const notes: Explanation[] = [];
  if (input.contractualRatePercent != null) {
    notes.push(explain("collection.penalty.chContractualIgnored", {}, "The contractual rate is not applied here; the statutory default rate of the table applies (CO 104)."));
  }
  const start = defaultStart(input);
  notes.push(start.note);
  if (start.from === null) return { lines: [], indemnityMinor: 0, notes };
  const table = input.tables.ch_default_interest;
  const pieces = splitPeriod({ from: start.from, to: input.asOf }, table.entries.map((entry) => entry.validFrom));
  const lines = pieces.map((period) => {
    const entry = rateInForceOn(table, period.from);
    return penaltyLine(period, input.principalMinor, input.currency, parseRatePercent(entry.ratePercent), {
      key: "collection.penalty.chLine",
      why: `Swiss default interest in force since ${entry.validFrom}, CO 104`,
      params: { rateDate: entry.validFrom },
    });
  });
  notes.push(explain("collection.penalty.chNoCompound", {}, "Simple interest on the principal only: no interest on interest (CO 105 al. 3), no flat indemnity."));
  return { lines, indemnityMinor: 0, notes };
};
