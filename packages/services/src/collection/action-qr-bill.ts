import type { ActionInvoiceRow, ClaimedActionRow, SenderDetailsRow } from "@relance/db";
import { classifyReference } from "@relance/domain";
import { isSwissIban } from "../channels/letters/qr-bill/iban.ts";
import type { QrBillAddress, QrBillData } from "../channels/letters/qr-bill/qr-bill-data.ts";
import { qrBillCreditorOf } from "../settings/letter-sender.ts";

const MESSAGE_MAX = 140;

/** The debtor's structured address when postal code and town are known; else the payer fills the box in. */
const debtorAddressOf = (action: ClaimedActionRow): QrBillAddress | null => {
  if (action.debtorPostalCode === null || action.debtorCity === null) return null;
  // addressLines ends with "postal code town"; the first line before it is the street
  const street = action.addressLines.length > 1 ? action.addressLines[0] : undefined;
  return {
    name: action.debtorName.slice(0, 70),
    ...(street === undefined ? {} : { street: street.slice(0, 70) }),
    postalCode: action.debtorPostalCode,
    town: action.debtorCity.slice(0, 35),
    country: action.debtorCountry,
  };
};

/**
 * The account and reference of the payment part. A QR-IBAN only takes a QR reference (QRR), so it is used when the
 * letter is about one invoice carrying one; otherwise the plain Swiss IBAN, with that invoice's RF reference if it
 * has one, else no reference (the invoice numbers go in the message). null: no Swiss account fits.
 */
const accountAndReference = (details: SenderDetailsRow, invoices: ActionInvoiceRow[]): { account: string; reference?: string } | null => {
  const only = invoices.length === 1 && invoices[0]!.paymentReference !== null ? classifyReference(invoices[0]!.paymentReference) : null;
  if (details.qrIban !== null && only?.kind === "QRR") return { account: details.qrIban, reference: only.normalized };
  if (details.iban !== null && isSwissIban(details.iban)) {
    return only?.kind === "SCOR" ? { account: details.iban, reference: only.normalized } : { account: details.iban };
  }
  return null;
};

/**
 * The Swiss QR-bill for a letter to a Swiss debtor, for the letter's total; undefined when the debtor is not Swiss
 * or the tenant has not given what the bill needs (a Swiss account, its postal code and town).
 */
export const buildActionQrBill = (
  details: SenderDetailsRow, action: ClaimedActionRow, invoices: ActionInvoiceRow[], amountMinor: number, currency: "EUR" | "CHF",
): QrBillData | undefined => {
  if (action.jurisdiction !== "CH") return undefined;
  const creditor = qrBillCreditorOf(details);
  const account = accountAndReference(details, invoices);
  if (creditor === null || account === null) return undefined;
  const numbers = invoices.map((i) => i.number).join(", ");
  return {
    creditorAccount: account.account,
    creditor,
    amountMinor: amountMinor > 0 ? amountMinor : null,
    currency,
    debtor: debtorAddressOf(action),
    ...(account.reference === undefined ? {} : { reference: account.reference }),
    unstructuredMessage: numbers.slice(0, MESSAGE_MAX),
  };
};
