import type { CompanyIdentifier, Currency, IsoDate, Money } from "@relance/domain";
import type { QrBillData } from "./qr-bill/qr-bill-data.ts";

export type LetterLocale = "fr" | "en" | "de";

export interface LetterSender {
  name: string;
  /** Street, postal code and town, country: one printed line each. */
  addressLines: string[];
  /** SIREN/SIRET (France) or UID (Switzerland), printed with its label. */
  identifier?: CompanyIdentifier;
  /** Telephone, e-mail: printed under the address. */
  contactLines?: string[];
}

export interface LetterRecipient {
  name: string;
  /** "À l'attention de …", printed under the name as given. */
  attention?: string;
  addressLines: string[];
}

export interface LetterInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Money;
  open: Money;
  /** Defaults to the days from the due date to the letter's date (never negative). */
  daysLate?: number;
}

/** A line added to the open total; the label defaults to the locale's wording, `detail` follows it in brackets. */
export interface LetterCharge {
  amount: Money;
  label?: string;
  /** E.g. "taux BCE + 10 points, 12,15 %" or "40 € × 3 factures". */
  detail?: string;
}

/** Where the recipient block sits, to show through the window of a DL/C5 envelope. */
export type EnvelopeWindow = "right" | "left";

export interface Letter {
  locale: LetterLocale;
  /** Currency of the invoice table and the totals. */
  currency: Currency;
  sender: LetterSender;
  recipient: LetterRecipient;
  place: string;
  date: IsoDate;
  subject: string;
  /** Already rendered by the template engine; printed before the invoice table. */
  paragraphs: string[];
  invoices: LetterInvoice[];
  penalties?: LetterCharge;
  recoveryIndemnity?: LetterCharge;
  /** Printed after the totals (request to pay, closing formula). */
  closingParagraphs?: string[];
  /** Signature block: name, function. */
  signature?: string[];
  /** Small print at the end (penalty rate, €40 indemnity, general terms). */
  legalMentions?: string;
  /** Swiss QR-bill payment part, printed at the foot of the last page. */
  qrBill?: QrBillData;
  window?: EnvelopeWindow;
}
