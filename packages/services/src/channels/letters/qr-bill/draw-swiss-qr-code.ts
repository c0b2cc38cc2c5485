import type { Pdf } from "../pdf-geometry.ts";
import { layoutSwissQrCode } from "./swiss-qr-code-layout.ts";

/** Paints the Swiss QR Code with its top-left corner at (x, y); runs of one colour are filled as one path. */
export const drawSwissQrCode = (doc: Pdf, payload: string, x: number, y: number): void => {
  const shapes = layoutSwissQrCode(payload);
  doc.save();
  let index = 0;
  while (index < shapes.length) {
    const color = shapes[index]!.color;
    for (; index < shapes.length && shapes[index]!.color === color; index++) {
      const shape = shapes[index]!;
      doc.rect(x + shape.x, y + shape.y, shape.width, shape.height);
    }
    doc.fill(color);
  }
  doc.restore();
};
