import type { DebtorForMatching, MatchablePayment } from "./matching-types.ts";
import { normalizeIban, partyNamesMatch } from "./normalize-party-name.ts";

/** Debtors the payer is: by a known IBAN first (strong), else by normalized name. Usually one; may be several. */
export const identifyPayer = (payment: MatchablePayment, debtors: readonly DebtorForMatching[]): string[] => {
  const iban = payment.debtorIban ? normalizeIban(payment.debtorIban) : "";
  if (iban !== "") {
    const byIban = debtors.filter((d) => d.ibans?.some((known) => normalizeIban(known) === iban));
    if (byIban.length > 0) return byIban.map((d) => d.id);
  }
  const name = payment.debtorName ?? "";
  return name === "" ? [] : debtors.filter((d) => partyNamesMatch(d.name, name)).map((d) => d.id);
};
