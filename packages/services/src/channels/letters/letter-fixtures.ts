import type { Letter } from "./letter-model.ts";
import type { QrBillData } from "./qr-bill/qr-bill-data.ts";

/** Test letters with overrides; each builds its whole chain (sender, recipient, invoices) so tests stay independent. */
export const buildFrenchB2bLetter = (overrides: Partial<Letter> = {}): Letter => ({
  locale: "fr",
  currency: "EUR",
  sender: {
    name: "Acme Équipements SAS",
    addressLines: ["12 rue de la Paix", "75002 Paris", "France"],
    identifier: { kind: "SIREN", value: "552100554" },
    contactLines: ["recouvrement@acme.fr · 01 23 45 67 89"],
  },
  recipient: { name: "Société Générale de Négoce SARL", attention: "À l'attention du service comptabilité", addressLines: ["4 place Bellecour", "69002 Lyon"] },
  place: "Paris",
  date: "2026-03-02",
  subject: "Relance – factures échues",
  paragraphs: [
    "Madame, Monsieur,",
    "Sauf erreur de notre part, les factures ci-dessous restent impayées à ce jour, malgré leur échéance dépassée.",
  ],
  invoices: [
    { number: "F-2026-001", issueDate: "2026-01-05", dueDate: "2026-02-04", amount: { amountMinor: 125_000, currency: "EUR" }, open: { amountMinor: 125_000, currency: "EUR" } },
    { number: "F-2026-004", issueDate: "2026-01-12", dueDate: "2026-02-11", amount: { amountMinor: 84_960, currency: "EUR" }, open: { amountMinor: 34_960, currency: "EUR" } },
  ],
  penalties: { amount: { amountMinor: 1_425, currency: "EUR" }, detail: "taux BCE + 10 points, soit 12,15 % l'an" },
  recoveryIndemnity: { amount: { amountMinor: 8_000, currency: "EUR" }, detail: "40 € × 2 factures" },
  closingParagraphs: ["Nous vous remercions de régulariser cette situation sous huit jours.", "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."],
  signature: ["Claire Dubois", "Service recouvrement"],
  legalMentions:
    "Pénalités de retard exigibles de plein droit au taux de la BCE majoré de 10 points (art. L441-10 du Code de " +
    "commerce) et indemnité forfaitaire pour frais de recouvrement de 40 € par facture (art. D441-5).",
  ...overrides,
});

export const buildSwissQrBill = (overrides: Partial<QrBillData> = {}): QrBillData => ({
  creditorAccount: "CH4431999123000889012",
  creditor: { name: "Robert Schneider AG", street: "Rue du Lac", buildingNumber: "1268", postalCode: "2501", town: "Biel", country: "CH" },
  amountMinor: 194_975,
  currency: "CHF",
  debtor: { name: "Pia-Maria Rutschmann-Schnyder", street: "Grosse Marktgasse", buildingNumber: "28", postalCode: "9400", town: "Rorschach", country: "CH" },
  reference: "210000000003139471430009017",
  unstructuredMessage: "Rechnungen 2026-017, 2026-021",
  ...overrides,
});

export const buildSwissLetter = (overrides: Partial<Letter> = {}): Letter => ({
  locale: "de",
  currency: "CHF",
  sender: { name: "Robert Schneider AG", addressLines: ["Rue du Lac 1268", "2501 Biel"], identifier: { kind: "CHE_UID", value: "CHE-109.322.551" } },
  recipient: { name: "Pia-Maria Rutschmann-Schnyder", addressLines: ["Grosse Marktgasse 28", "9400 Rorschach"] },
  place: "Biel",
  date: "2026-03-02",
  subject: "Zahlungserinnerung",
  paragraphs: ["Sehr geehrte Frau Rutschmann-Schnyder", "Wir bitten Sie, die folgenden offenen Rechnungen innert 10 Tagen zu begleichen."],
  invoices: [
    { number: "2026-017", issueDate: "2026-01-10", dueDate: "2026-02-09", amount: { amountMinor: 149_975, currency: "CHF" }, open: { amountMinor: 149_975, currency: "CHF" } },
    { number: "2026-021", issueDate: "2026-01-20", dueDate: "2026-02-19", amount: { amountMinor: 45_000, currency: "CHF" }, open: { amountMinor: 45_000, currency: "CHF" } },
  ],
  window: "left",
  qrBill: buildSwissQrBill(),
  ...overrides,
});
