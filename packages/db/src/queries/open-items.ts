import type { Currency } from "@relance/domain";

/** One open item as an import writes it: the invoice with the fields of its debtor. */
export interface OpenItemRow {
  debtorExternalId: string;
  debtorName: string;
  debtorCountry: string;
  debtorSegment: "b2b" | "b2c";
  debtorIdentifier: string | null;
  debtorEmail: string | null;
  debtorLanguage: string | null;
  debtorPaymentTermsDays: number | null;
  invoiceExternalId: string;
  number: string;
  kind: "invoice" | "credit_note";
  issueDate: string;
  dueDate: string;
  currency: Currency;
  amountMinor: number;
  openMinor: number;
  poNumber: string | null;
  paymentReference: string | null;
}

export interface UpsertCounts {
  debtorsCreated: number;
  debtorsUpdated: number;
  invoicesCreated: number;
  invoicesUpdated: number;
}
