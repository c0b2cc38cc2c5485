import { formatAmount } from "./format-letter-values.ts";
import type { TotalLine } from "./letter-totals.ts";
import { A4, CONTENT_WIDTH, MARGIN, mm, type Pdf } from "./pdf-geometry.ts";
import { toWinAnsi } from "./win-ansi-text.ts";

const AMOUNT_WIDTH = mm(35);
const LABEL_WIDTH = CONTENT_WIDTH - AMOUNT_WIDTH - mm(3);

/** Label right-aligned against its amount; kept together on one page so no total is separated from its lines. */
export const drawLetterTotals = (doc: Pdf, lines: readonly TotalLine[], intlLocale: string): void => {
  doc.fontSize(10);
  const heights = lines.map((line) => doc.font(line.emphasis ? "Helvetica-Bold" : "Helvetica").heightOfString(toWinAnsi(line.label), { width: LABEL_WIDTH }) + 3);
  if (doc.y + heights.reduce((sum, h) => sum + h, 0) > A4.height - MARGIN.bottom) doc.addPage();
  let y = doc.y;
  lines.forEach((line, index) => {
    doc.font(line.emphasis ? "Helvetica-Bold" : "Helvetica");
    doc.text(toWinAnsi(line.label), MARGIN.left, y, { width: LABEL_WIDTH, align: "right" });
    doc.text(toWinAnsi(formatAmount(line.amount, intlLocale)), MARGIN.left + CONTENT_WIDTH - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: "right" });
    y += heights[index]!;
  });
  doc.font("Helvetica");
  doc.x = MARGIN.left;
  doc.y = y + mm(4);
};
