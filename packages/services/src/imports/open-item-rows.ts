import type { OpenItemRow } from "@relance/db";
import type { ImportedOpenItem } from "@relance/domain";

/** The validated import row in the shape the ledger writer takes. */
export const toOpenItemRow = (item: ImportedOpenItem): OpenItemRow => ({
  debtorExternalId: item.debtor.externalId,
  debtorName: item.debtor.name,
  debtorCountry: item.debtor.country,
  debtorSegment: item.debtor.segment,
  debtorIdentifier: item.debtor.identifier?.value ?? null,
  debtorEmail: item.debtor.email,
  debtorLanguage: item.debtor.language,
  debtorPaymentTermsDays: item.debtor.paymentTermsDays,
  invoiceExternalId: item.invoice.externalId,
  number: item.invoice.number,
  kind: item.invoice.documentType,
  issueDate: item.invoice.issueDate,
  dueDate: item.invoice.dueDate,
  currency: item.invoice.currency,
  amountMinor: item.invoice.amountMinor,
  openMinor: item.invoice.openMinor,
  poNumber: item.invoice.poNumber,
  paymentReference: item.invoice.paymentReference?.normalized ?? null,
});
