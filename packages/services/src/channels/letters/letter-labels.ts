import type { LetterLocale } from "./letter-model.ts";

export interface LetterLabels {
  /** Prefix of the subject line; German business letters have none. */
  subject: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  open: string;
  daysLate: string;
  openTotal: string;
  penalties: string;
  recoveryIndemnity: string;
  totalDue: string;
  /** The Swiss UID's name in this language (IDE in French). */
  cheUid: string;
  page: (index: number, count: number) => string;
  placeAndDate: (place: string, date: string) => string;
}

export const LETTER_LABELS: Record<LetterLocale, LetterLabels> = {
  fr: {
    subject: "Objet : ",
    invoiceNumber: "N° facture",
    issueDate: "Émise le",
    dueDate: "Échéance",
    amount: "Montant",
    open: "Reste dû",
    daysLate: "Jours de retard",
    openTotal: "Total restant dû",
    penalties: "Pénalités de retard",
    recoveryIndemnity: "Indemnité forfaitaire pour frais de recouvrement",
    totalDue: "Total à régler",
    cheUid: "IDE",
    page: (index, count) => `Page ${index}/${count}`,
    placeAndDate: (place, date) => `${place}, le ${date}`,
  },
  en: {
    subject: "Subject: ",
    invoiceNumber: "Invoice",
    issueDate: "Issued",
    dueDate: "Due",
    amount: "Amount",
    open: "Outstanding",
    daysLate: "Days late",
    openTotal: "Total outstanding",
    penalties: "Late-payment penalties",
    recoveryIndemnity: "Fixed recovery indemnity",
    totalDue: "Total due",
    cheUid: "UID",
    page: (index, count) => `Page ${index}/${count}`,
    placeAndDate: (place, date) => `${place}, ${date}`,
  },
  de: {
    subject: "",
    invoiceNumber: "Rechnung Nr.",
    issueDate: "Datum",
    dueDate: "Fällig am",
    amount: "Betrag",
    open: "Offen",
    daysLate: "Tage überfällig",
    openTotal: "Total offen",
    penalties: "Verzugszinsen",
    recoveryIndemnity: "Pauschale für Beitreibungskosten",
    totalDue: "Zu bezahlen",
    cheUid: "UID",
    page: (index, count) => `Seite ${index}/${count}`,
    placeAndDate: (place, date) => `${place}, ${date}`,
  },
};
