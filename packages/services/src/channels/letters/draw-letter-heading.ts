import { formatCompanyIdentifier, formatLongDate } from "./format-letter-values.ts";
import type { LetterLabels } from "./letter-labels.ts";
import type { EnvelopeWindow, Letter } from "./letter-model.ts";
import { CONTENT_WIDTH, MARGIN, mm, type Pdf } from "./pdf-geometry.ts";
import { toWinAnsi } from "./win-ansi-text.ts";

/**
 * Address field seen through the window of a DL (110 × 220 mm) or C5 envelope once the A4 sheet is folded in three:
 * window 45 × 100 mm, 50 mm from the top of the sheet, on the right (French habit) or the left (common in Switzerland).
 */
const WINDOWS: Record<EnvelopeWindow, { x: number; y: number; width: number }> = {
  right: { x: mm(110), y: mm(50), width: mm(85) },
  left: { x: mm(22), y: mm(50), width: mm(85) },
};

const SENDER_WIDTH = mm(80);
const PLACE_AND_DATE_Y = mm(100);
const SUBJECT_Y = mm(112);

/** Sender, recipient, place and date, subject; leaves the cursor at the left margin, ready for the body. */
export const drawLetterHeading = (doc: Pdf, letter: Letter, labels: LetterLabels, intlLocale: string): void => {
  const { sender, recipient } = letter;
  doc.font("Helvetica-Bold").fontSize(11).text(toWinAnsi(sender.name), MARGIN.left, MARGIN.top, { width: SENDER_WIDTH });
  doc.font("Helvetica").fontSize(9);
  const senderLines = [
    ...sender.addressLines,
    ...(sender.identifier === undefined ? [] : [formatCompanyIdentifier(sender.identifier, labels)]),
    ...(sender.contactLines ?? []),
  ];
  for (const line of senderLines) doc.text(toWinAnsi(line), { width: SENDER_WIDTH });

  const window = WINDOWS[letter.window ?? "right"];
  doc.font("Helvetica-Bold").fontSize(10).text(toWinAnsi(recipient.name), window.x, window.y, { width: window.width });
  doc.font("Helvetica");
  const recipientLines = [...(recipient.attention === undefined ? [] : [recipient.attention]), ...recipient.addressLines];
  for (const line of recipientLines) doc.text(toWinAnsi(line), window.x, doc.y, { width: window.width });

  const placeAndDate = labels.placeAndDate(letter.place, formatLongDate(letter.date, intlLocale));
  doc.fontSize(10).text(toWinAnsi(placeAndDate), MARGIN.left, PLACE_AND_DATE_Y, { width: CONTENT_WIDTH, align: "right" });
  doc.font("Helvetica-Bold").text(toWinAnsi(`${labels.subject}${letter.subject}`), MARGIN.left, SUBJECT_Y, { width: CONTENT_WIDTH });
  doc.font("Helvetica").moveDown(1);
};

/** Body text in 10 pt, justified, with a gap after each paragraph. */
export const drawParagraphs = (doc: Pdf, paragraphs: readonly string[]): void => {
  doc.font("Helvetica").fontSize(10).fillColor("#000000");
  for (const paragraph of paragraphs) {
    doc.text(toWinAnsi(paragraph), MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: "justify", paragraphGap: 6 });
  }
};
