import PDFDocument from "pdfkit";
import { buildQrBillPayload } from "./qr-bill/build-qr-bill-payload.ts";
import { drawQrBill, QR_BILL_RESERVED_HEIGHT } from "./qr-bill/draw-qr-bill.ts";
import { drawInvoiceTable } from "./draw-invoice-table.ts";
import { drawLetterHeading, drawParagraphs } from "./draw-letter-heading.ts";
import { drawLetterTotals } from "./draw-letter-totals.ts";
import { intlLocaleOf } from "./format-letter-values.ts";
import { LETTER_LABELS, type LetterLabels } from "./letter-labels.ts";
import type { Letter } from "./letter-model.ts";
import { letterTotals } from "./letter-totals.ts";
import { A4, CONTENT_WIDTH, MARGIN, mm, type Pdf } from "./pdf-geometry.ts";
import { toWinAnsi } from "./win-ansi-text.ts";

const drawLegalMentions = (doc: Pdf, text: string): void => {
  doc.moveDown(1).font("Helvetica").fontSize(7.5).fillColor("#444444");
  doc.text(toWinAnsi(text), MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: "justify" });
  doc.fillColor("#000000");
};

/** Numbers in the top margin, clear of the QR-bill at the foot of the last page; a one-page letter has none. */
const numberPages = (doc: Pdf, labels: LetterLabels): void => {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  for (let index = 0; index < count; index++) {
    doc.switchToPage(start + index);
    doc.font("Helvetica").fontSize(8).fillColor("#666666");
    doc.text(labels.page(index + 1, count), MARGIN.left, mm(10), { width: CONTENT_WIDTH, align: "right", lineBreak: false });
  }
  doc.fillColor("#000000");
};

const collect = (doc: Pdf): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

/**
 * Renders a dunning letter to an A4 PDF with the standard Helvetica font (WinAnsi: French and German accents, €), the
 * recipient placed for a window envelope, and for Swiss letters the QR-bill payment part at the foot of the last page.
 */
export const renderLetterPdf = async (letter: Letter): Promise<Buffer> => {
  const labels = LETTER_LABELS[letter.locale];
  const intlLocale = intlLocaleOf(letter.locale, letter.currency);
  // Validated before the first line is drawn, so a bad bill or a mixed currency fails without a half-made PDF.
  const qrBillPayload = letter.qrBill === undefined ? undefined : buildQrBillPayload(letter.qrBill);
  const totals = letterTotals(letter, labels);

  const doc: Pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: letter.locale,
    info: { Title: toWinAnsi(letter.subject), Author: toWinAnsi(letter.sender.name), Creator: "Relance", CreationDate: new Date(`${letter.date}T00:00:00Z`) },
  });
  const pdf = collect(doc);

  drawLetterHeading(doc, letter, labels, intlLocale);
  drawParagraphs(doc, letter.paragraphs);
  // A letter without invoices (a notice, a payment plan) has no table, and no "0.00" total unless something is charged.
  if (letter.invoices.length > 0) drawInvoiceTable(doc, letter.invoices, labels, { intlLocale, letterDate: letter.date });
  if (letter.invoices.length > 0 || totals.length > 1) drawLetterTotals(doc, totals, intlLocale);
  drawParagraphs(doc, letter.closingParagraphs ?? []);
  if (letter.signature !== undefined) {
    doc.moveDown(1);
    for (const line of letter.signature) doc.text(toWinAnsi(line), MARGIN.left + CONTENT_WIDTH / 2, doc.y, { width: CONTENT_WIDTH / 2 });
  }
  if (letter.legalMentions !== undefined && letter.legalMentions.trim() !== "") drawLegalMentions(doc, letter.legalMentions);

  if (letter.qrBill !== undefined && qrBillPayload !== undefined) {
    if (doc.y > A4.height - QR_BILL_RESERVED_HEIGHT) doc.addPage();
    drawQrBill(doc, letter.qrBill, qrBillPayload, letter.locale);
  }
  numberPages(doc, labels);
  doc.end();
  return pdf;
};
