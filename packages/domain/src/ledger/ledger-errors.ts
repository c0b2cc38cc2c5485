import { AppError } from "../errors.ts";
import type { Currency } from "../money.ts";

/** The outcome of parsing one piece of text: the reason is short and never repeats the value, so callers can frame it. */
export type ParseOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export const parsed = <T>(value: T): ParseOutcome<T> => ({ ok: true, value });
export const rejected = (reason: string): ParseOutcome<never> => ({ ok: false, reason });

/** A bad value in user-supplied data (a file, a form): always a BAD_REQUEST with a message naming the value. */
export const invalidValue = (message: string, key = "ledger.invalidValue"): AppError =>
  new AppError("BAD_REQUEST", message, { key });

/** Thrown when amounts in two currencies are added, compared or allocated together. */
export class CurrencyMismatchError extends AppError {
  readonly expected: Currency;
  readonly actual: Currency;

  constructor(expected: Currency, actual: Currency) {
    super("BAD_REQUEST", `Cannot combine amounts in ${expected} and ${actual}`, { key: "ledger.currencyMismatch" });
    this.name = "CurrencyMismatchError";
    this.expected = expected;
    this.actual = actual;
  }
}
