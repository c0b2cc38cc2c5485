import { daysBetween, type IsoDate } from "@relance/domain";
import { formatAmount, formatShortDate } from "./format-letter-values.ts";
import type { LetterLabels } from "./letter-labels.ts";
import type { LetterInvoice } from "./letter-model.ts";
import { A4, MARGIN, mm, type Pdf } from "./pdf-geometry.ts";
import { toWinAnsi } from "./win-ansi-text.ts";

interface Column {
  width: number;
  align: "left" | "right";
  header: (labels: LetterLabels) => string;
  cell: (invoice: LetterInvoice, context: { intlLocale: string; letterDate: IsoDate }) => string;
}

/** Days late as of the letter's date, unless the engine computed them (e.g. as of the dunning run). */
export const daysLateOf = (invoice: LetterInvoice, letterDate: IsoDate): number =>
  invoice.daysLate ?? Math.max(0, daysBetween(invoice.dueDate, letterDate));

// Widths add up to the 165 mm between the margins.
const COLUMNS: readonly Column[] = [
  { width: mm(35), align: "left", header: (l) => l.invoiceNumber, cell: (i) => i.number },
  { width: mm(24), align: "left", header: (l) => l.issueDate, cell: (i, c) => formatShortDate(i.issueDate, c.intlLocale) },
  { width: mm(24), align: "left", header: (l) => l.dueDate, cell: (i, c) => formatShortDate(i.dueDate, c.intlLocale) },
  { width: mm(30), align: "right", header: (l) => l.amount, cell: (i, c) => formatAmount(i.amount, c.intlLocale) },
  { width: mm(30), align: "right", header: (l) => l.open, cell: (i, c) => formatAmount(i.open, c.intlLocale) },
  { width: mm(22), align: "right", header: (l) => l.daysLate, cell: (i, c) => String(daysLateOf(i, c.letterDate)) },
];

const PADDING = 3;
const FONT_SIZE = 9;
const pageBottom = () => A4.height - MARGIN.bottom;

const rowHeight = (doc: Pdf, cells: readonly string[]): number =>
  Math.max(...cells.map((text, index) => doc.heightOfString(text, { width: COLUMNS[index]!.width - 2 * PADDING }))) + 2 * PADDING;

const drawRow = (doc: Pdf, cells: readonly string[], y: number, height: number): void => {
  let x = MARGIN.left;
  cells.forEach((text, index) => {
    const column = COLUMNS[index]!;
    doc.text(text, x + PADDING, y + PADDING, { width: column.width - 2 * PADDING, align: column.align });
    x += column.width;
  });
  doc.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + COLUMNS.reduce((sum, c) => sum + c.width, 0), y + height).lineWidth(0.5).strokeColor("#999999").stroke();
};

const drawHeader = (doc: Pdf, labels: LetterLabels, y: number): number => {
  const cells = COLUMNS.map((column) => toWinAnsi(column.header(labels)));
  doc.font("Helvetica-Bold").fontSize(FONT_SIZE);
  const height = rowHeight(doc, cells);
  doc.rect(MARGIN.left, y, COLUMNS.reduce((sum, c) => sum + c.width, 0), height).fill("#eeeeee");
  doc.fillColor("#000000");
  drawRow(doc, cells, y, height);
  doc.font("Helvetica");
  return y + height;
};

/** The invoices, one row each; the header row is repeated on every page the table runs onto. */
export const drawInvoiceTable = (doc: Pdf, invoices: readonly LetterInvoice[], labels: LetterLabels, context: { intlLocale: string; letterDate: IsoDate }): void => {
  let y = doc.y + mm(2);
  doc.fontSize(FONT_SIZE);
  if (y + 2 * rowHeight(doc, ["X"]) > pageBottom()) {
    doc.addPage();
    y = MARGIN.top;
  }
  y = drawHeader(doc, labels, y);
  for (const invoice of invoices) {
    const cells = COLUMNS.map((column) => toWinAnsi(column.cell(invoice, context)));
    doc.font("Helvetica").fontSize(FONT_SIZE);
    const height = rowHeight(doc, cells);
    if (y + height > pageBottom()) {
      doc.addPage();
      y = drawHeader(doc, labels, MARGIN.top);
      doc.font("Helvetica").fontSize(FONT_SIZE);
    }
    drawRow(doc, cells, y, height);
    y += height;
  }
  doc.x = MARGIN.left;
  doc.y = y + mm(3);
};
