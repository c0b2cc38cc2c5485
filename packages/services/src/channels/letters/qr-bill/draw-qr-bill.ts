import type { LetterLocale } from "../letter-model.ts";
import { A4, mm, type Pdf } from "../pdf-geometry.ts";
import { toWinAnsi } from "../win-ansi-text.ts";
import type { QrBillPayload } from "./build-qr-bill-payload.ts";
import { drawSwissQrCode } from "./draw-swiss-qr-code.ts";
import { formatQrReference, formatSlipAmount, slipAddressLines } from "./format-qr-bill-values.ts";
import { formatIban } from "./iban.ts";
import type { QrBillData } from "./qr-bill-data.ts";
import { QR_BILL_LABELS, type QrBillLabels } from "./qr-bill-labels.ts";

/** The payment part with its receipt: an A6 landscape strip, 210 × 105 mm, at the foot of an A4 page. */
export const QR_BILL_HEIGHT = mm(105);
const RECEIPT_WIDTH = mm(62);

// Font sizes of the style guide: receipt headings 6 pt and values 8 pt, payment part 8 and 10 pt, titles 11 pt.
const RECEIPT = { heading: 6, value: 8, x: mm(5), width: mm(52) } as const;
const PAYMENT = { heading: 8, value: 10, x: mm(118), width: mm(87) } as const;

interface SectionStyle {
  heading: number;
  value: number;
  x: number;
  width: number;
}

/** A heading and its lines; returns where the next section starts (one value line of space in between). */
const drawSection = (doc: Pdf, style: SectionStyle, y: number, heading: string, lines: readonly string[]): number => {
  doc.font("Helvetica-Bold").fontSize(style.heading).text(toWinAnsi(heading), style.x, y, { width: style.width, lineGap: 1 });
  doc.font("Helvetica").fontSize(style.value);
  for (const line of lines) doc.text(toWinAnsi(line), style.x, doc.y, { width: style.width, lineGap: 1 });
  return doc.y + style.value * 0.9;
};

/** Where the payer writes by hand: corner marks, not a full frame, as the style guide draws them. */
const drawBlankField = (doc: Pdf, x: number, y: number, width: number, height: number): void => {
  const arm = mm(3);
  doc.save().lineWidth(0.75).strokeColor("#000000");
  doc.moveTo(x, y + arm).lineTo(x, y).lineTo(x + arm, y);
  doc.moveTo(x + width - arm, y).lineTo(x + width, y).lineTo(x + width, y + arm);
  doc.moveTo(x + width, y + height - arm).lineTo(x + width, y + height).lineTo(x + width - arm, y + height);
  doc.moveTo(x + arm, y + height).lineTo(x, y + height).lineTo(x, y + height - arm);
  doc.stroke().restore();
};

const accountLines = (data: QrBillData, payload: QrBillPayload) => [formatIban(payload.account), ...slipAddressLines(data.creditor)];

const drawReceipt = (doc: Pdf, top: number, data: QrBillData, payload: QrBillPayload, labels: QrBillLabels): void => {
  doc.font("Helvetica-Bold").fontSize(11).text(toWinAnsi(labels.receipt), RECEIPT.x, top + mm(5), { width: RECEIPT.width });
  let y = drawSection(doc, RECEIPT, top + mm(12), labels.accountPayableTo, accountLines(data, payload));
  if (payload.referenceType !== "NON") y = drawSection(doc, RECEIPT, y, labels.reference, [formatQrReference(payload.referenceType, payload.reference)]);
  if (data.debtor === null) {
    drawSection(doc, RECEIPT, y, labels.payableByNameAddress, []);
    drawBlankField(doc, RECEIPT.x, y + mm(3), mm(52), mm(20));
  } else {
    drawSection(doc, RECEIPT, y, labels.payableBy, slipAddressLines(data.debtor));
  }
  const amountTop = top + mm(68);
  doc.font("Helvetica-Bold").fontSize(RECEIPT.heading).text(toWinAnsi(labels.currency), RECEIPT.x, amountTop, { lineBreak: false });
  doc.text(toWinAnsi(labels.amount), RECEIPT.x + mm(17), amountTop, { lineBreak: false });
  doc.font("Helvetica").fontSize(RECEIPT.value).text(data.currency, RECEIPT.x, amountTop + mm(3.5), { lineBreak: false });
  if (payload.amount === "") drawBlankField(doc, RECEIPT.x + mm(22), amountTop + mm(3), mm(30), mm(10));
  else doc.text(formatSlipAmount(payload.amount), RECEIPT.x + mm(17), amountTop + mm(3.5), { lineBreak: false });
  doc.font("Helvetica-Bold").fontSize(RECEIPT.heading).text(toWinAnsi(labels.acceptancePoint), RECEIPT.x, top + mm(82), { width: RECEIPT.width, align: "right" });
};

const drawPaymentPart = (doc: Pdf, top: number, data: QrBillData, payload: QrBillPayload, labels: QrBillLabels): void => {
  const left = RECEIPT_WIDTH + mm(5);
  doc.font("Helvetica-Bold").fontSize(11).text(toWinAnsi(labels.paymentPart), left, top + mm(5), { width: mm(46) });
  drawSwissQrCode(doc, payload.text, left, top + mm(17));

  const amountTop = top + mm(68);
  doc.font("Helvetica-Bold").fontSize(PAYMENT.heading).text(toWinAnsi(labels.currency), left, amountTop, { lineBreak: false });
  doc.text(toWinAnsi(labels.amount), left + mm(14), amountTop, { lineBreak: false });
  doc.font("Helvetica").fontSize(PAYMENT.value).text(data.currency, left, amountTop + mm(4.5), { lineBreak: false });
  if (payload.amount === "") drawBlankField(doc, left + mm(6), amountTop + mm(9), mm(40), mm(15));
  else doc.text(formatSlipAmount(payload.amount), left + mm(14), amountTop + mm(4.5), { lineBreak: false });

  let y = drawSection(doc, PAYMENT, top + mm(5), labels.accountPayableTo, accountLines(data, payload));
  if (payload.referenceType !== "NON") y = drawSection(doc, PAYMENT, y, labels.reference, [formatQrReference(payload.referenceType, payload.reference)]);
  const additional = [payload.message, payload.billInformation].filter((text) => text !== "");
  if (additional.length > 0) y = drawSection(doc, PAYMENT, y, labels.additionalInformation, additional);
  if (data.debtor === null) {
    drawSection(doc, PAYMENT, y, labels.payableByNameAddress, []);
    drawBlankField(doc, PAYMENT.x, y + mm(4), mm(65), mm(25));
  } else {
    drawSection(doc, PAYMENT, y, labels.payableBy, slipAddressLines(data.debtor));
  }
};

/** Lines along which the slip is cut off plain paper, with the instruction the style guide then requires. */
const drawSeparation = (doc: Pdf, top: number, labels: QrBillLabels): void => {
  doc.save().lineWidth(0.5).strokeColor("#000000").dash(3, { space: 2 });
  doc.moveTo(0, top).lineTo(A4.width, top).moveTo(RECEIPT_WIDTH, top).lineTo(RECEIPT_WIDTH, A4.height).stroke();
  doc.undash().restore();
  doc.font("Helvetica").fontSize(7).text(toWinAnsi(labels.separateBeforePaying), 0, top - mm(4), { width: A4.width, align: "center", lineBreak: false });
};

/** Room to leave at the foot of the last page: the slip and the cutting instruction above it. */
export const QR_BILL_RESERVED_HEIGHT = QR_BILL_HEIGHT + mm(6);

/**
 * Draws the payment part at the foot of the current page; the caller leaves `QR_BILL_RESERVED_HEIGHT` free and passes
 * the payload it built (and so validated) before drawing anything else.
 */
export const drawQrBill = (doc: Pdf, data: QrBillData, payload: QrBillPayload, locale: LetterLocale): void => {
  const labels = QR_BILL_LABELS[locale];
  const top = A4.height - QR_BILL_HEIGHT;
  // pdfkit starts a new page when text passes the bottom margin; the slip is meant to sit inside it.
  doc.page.margins.bottom = 0;
  drawSeparation(doc, top, labels);
  drawReceipt(doc, top, data, payload, labels);
  drawPaymentPart(doc, top, data, payload, labels);
};
