import type PDFDocument from "pdfkit";

/** PDF user space is in points (1/72 inch); layouts and the QR-bill standard are in millimetres. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export const A4 = { width: mm(210), height: mm(297) } as const;

export const MARGIN = { left: mm(25), right: mm(20), top: mm(20), bottom: mm(20) } as const;

export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** A pdfkit document: the module's export is both the constructor and, through `new`, the instance type. */
export type Pdf = typeof PDFDocument;
