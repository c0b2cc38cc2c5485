/** An invoice a dispute covers, as the credit is spread over them. */
export interface CreditableInvoice {
  id: string;
  dueDate: string;
  openMinor: number;
}

/**
 * Spreads a credit over the disputed invoices, oldest due first, each up to its open amount. Throws when the credit
 * is not a positive whole amount or exceeds what is open.
 */
export const spreadCredit = (invoices: readonly CreditableInvoice[], creditMinor: number): { invoiceId: string; amountMinor: number }[] => {
  if (!Number.isSafeInteger(creditMinor) || creditMinor <= 0) throw new RangeError("The credit must be a positive whole number of minor units");
  const open = invoices.reduce((sum, i) => sum + Math.max(0, i.openMinor), 0);
  if (creditMinor > open) throw new RangeError(`The credit (${creditMinor}) exceeds the open amount (${open})`);
  const ordered = [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  const parts: { invoiceId: string; amountMinor: number }[] = [];
  let left = creditMinor;
  for (const invoice of ordered) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, invoice.openMinor));
    if (take > 0) parts.push({ invoiceId: invoice.id, amountMinor: take });
    left -= take;
  }
  return parts;
};

/** 123456 → "1234.56" (two minor digits, as EUR and CHF have), for messages that name an amount. */
export const minorToDecimalText = (minor: number): string => {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};
