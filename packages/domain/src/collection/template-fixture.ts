import type { TemplateContext } from "./template-fields.ts";

/** Intl separates groups and units with no-break spaces (U+00A0, U+202F); compare them as plain spaces. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** A full context: two EUR invoices of one debtor, penalties and every rate. */
export const context: TemplateContext = {
  company: { name: "Atelier Durand SAS", email: "compta@durand.fr", phone: "01 23 45 67 89", iban: "FR76 3000 6000 0112 3456 7890 189" },
  debtor: { name: "Boulangerie Martin", address: "3 rue Haute, 69001 Lyon", reference: "C-042" },
  sender: { name: "Claire Durand" },
  date: "2025-07-15",
  payBy: "2025-07-25",
  invoices: [
    { number: "F-2025-118", issueDate: "2025-05-16", dueDate: "2025-06-15", openMinor: 123_450, currency: "EUR" },
    { number: "F-2025-090", dueDate: "2025-05-31", openMinor: 50_000, currency: "EUR" },
  ],
  penalties: { interest: { amountMinor: 1_039, currency: "EUR" }, indemnity: { amountMinor: 8_000, currency: "EUR" } },
  rates: { penaltyRatePercent: "12.15", legalRatePercent: "2.62", defaultInterestRatePercent: "5" },
};
