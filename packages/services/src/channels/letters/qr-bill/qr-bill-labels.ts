import type { LetterLocale } from "../letter-model.ts";

/** The fixed wording of the payment part (SIX style guide), in the letter's language. */
export interface QrBillLabels {
  receipt: string;
  paymentPart: string;
  accountPayableTo: string;
  reference: string;
  additionalInformation: string;
  payableBy: string;
  payableByNameAddress: string;
  currency: string;
  amount: string;
  acceptancePoint: string;
  separateBeforePaying: string;
}

export const QR_BILL_LABELS: Record<LetterLocale, QrBillLabels> = {
  fr: {
    receipt: "Récépissé",
    paymentPart: "Section paiement",
    accountPayableTo: "Compte / Payable à",
    reference: "Référence",
    additionalInformation: "Informations supplémentaires",
    payableBy: "Payable par",
    payableByNameAddress: "Payable par (nom/adresse)",
    currency: "Monnaie",
    amount: "Montant",
    acceptancePoint: "Point de dépôt",
    separateBeforePaying: "A détacher avant le versement",
  },
  en: {
    receipt: "Receipt",
    paymentPart: "Payment part",
    accountPayableTo: "Account / Payable to",
    reference: "Reference",
    additionalInformation: "Additional information",
    payableBy: "Payable by",
    payableByNameAddress: "Payable by (name/address)",
    currency: "Currency",
    amount: "Amount",
    acceptancePoint: "Acceptance point",
    separateBeforePaying: "Separate before paying in",
  },
  de: {
    receipt: "Empfangsschein",
    paymentPart: "Zahlteil",
    accountPayableTo: "Konto / Zahlbar an",
    reference: "Referenz",
    additionalInformation: "Zusätzliche Informationen",
    payableBy: "Zahlbar durch",
    payableByNameAddress: "Zahlbar durch (Name/Adresse)",
    currency: "Währung",
    amount: "Betrag",
    acceptancePoint: "Annahmestelle",
    separateBeforePaying: "Vor der Einzahlung abzutrennen",
  },
};
