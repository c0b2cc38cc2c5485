import type { Currency } from "@relance/domain";

/**
 * A structured address (type "S"), the only kind the QR-bill accepts since implementation guidelines v2.3: postal
 * code and town are separate, mandatory fields.
 */
export interface QrBillAddress {
  /** At most 70 characters. */
  name: string;
  /** Street name, at most 70 characters. */
  street?: string;
  /** At most 16 characters. */
  buildingNumber?: string;
  /** At most 16 characters. */
  postalCode: string;
  /** At most 35 characters. */
  town: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export type QrReferenceType = "QRR" | "SCOR" | "NON";

export interface QrBillData {
  /** CH or LI IBAN; a QR-IBAN (IID 30000–31999) requires a QR reference, and a QR reference requires one. */
  creditorAccount: string;
  creditor: QrBillAddress;
  /** In minor units; null leaves the amount for the payer to fill in. */
  amountMinor: number | null;
  currency: Currency;
  /** null prints an empty box for the payer to fill in. */
  debtor: QrBillAddress | null;
  /** A QRR (27 digits) or an RF creditor reference; spaces allowed. Empty or absent: no reference (NON). */
  reference?: string;
  /** Free text shown to the payer, e.g. "Factures 2026-001, 2026-004". */
  unstructuredMessage?: string;
  /** Structured bill information (Swico S1, starts with "//"); shares the 140 characters with the message. */
  billInformation?: string;
}
