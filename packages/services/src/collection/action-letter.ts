import type { ActionInvoiceRow, ClaimedActionRow, SenderDetailsRow } from "@relance/db";
import type { DunningStep } from "@relance/domain";
import type { Letter, LetterCharge } from "../channels/letters/letter-model.ts";
import { letterSenderOf } from "../settings/letter-sender.ts";
import { buildActionQrBill } from "./action-qr-bill.ts";
import { localeOf, type RenderedMessage } from "./message-context.ts";

const charge = (amountMinor: number, currency: "EUR" | "CHF"): LetterCharge | undefined =>
  amountMinor > 0 ? { amount: { amountMinor, currency } } : undefined;

/**
 * The letter of an action, as the debtor gets it: the tenant's letterhead, the rendered message, the invoices, the
 * penalties when the step adds them, and for a Swiss debtor the QR-bill for the total to pay.
 */
export const buildActionLetter = (
  details: SenderDetailsRow, action: ClaimedActionRow, invoices: ActionInvoiceRow[], step: DunningStep, message: RenderedMessage, today: string,
): Letter => {
  const currency = invoices[0]?.currency ?? (action.jurisdiction === "CH" ? "CHF" : "EUR");
  const same = invoices.filter((i) => i.currency === currency);
  const penalties = step.addPenalties ? charge(same.reduce((s, i) => s + i.interestMinor, 0), currency) : undefined;
  const indemnity = step.addPenalties ? charge(same.reduce((s, i) => s + i.indemnityMinor, 0), currency) : undefined;
  const total = same.reduce((s, i) => s + i.openMinor, 0) + (penalties?.amount.amountMinor ?? 0) + (indemnity?.amount.amountMinor ?? 0);
  const qrBill = buildActionQrBill(details, action, same, total, currency);
  return {
    locale: localeOf(action) === "en-GB" ? "en" : "fr",
    currency,
    sender: letterSenderOf(details),
    recipient: { name: action.debtorName, addressLines: action.addressLines },
    place: details.town ?? "",
    date: today,
    subject: message.subject || letterSenderOf(details).name,
    paragraphs: message.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== ""),
    invoices: same.map((i) => ({
      number: i.number, issueDate: i.issueDate, dueDate: i.dueDate,
      amount: { amountMinor: i.amountMinor, currency: i.currency }, open: { amountMinor: i.openMinor, currency: i.currency },
    })),
    ...(penalties === undefined ? {} : { penalties }),
    ...(indemnity === undefined ? {} : { recoveryIndemnity: indemnity }),
    ...(qrBill === undefined ? {} : { qrBill }),
    ...(action.jurisdiction === "CH" ? { window: "left" as const } : {}),
  };
};
