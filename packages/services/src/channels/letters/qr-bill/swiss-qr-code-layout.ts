import QRCode from "qrcode";
import { invalidField } from "../../channel-errors.ts";
import { mm } from "../pdf-geometry.ts";

export const QR_CODE_SIZE = mm(46);
const CROSS_SIZE = mm(7);
const CROSS_BORDER = mm(0.5);
// The style guide caps the code at version 25 (117 × 117 modules), beyond which 46 mm no longer scans reliably.
const MAX_VERSION = 25;

/** A filled rectangle in points, relative to the top-left corner of the code; painted in order. */
export interface QrShape {
  x: number;
  y: number;
  width: number;
  height: number;
  color: "#000000" | "#ffffff";
}

/** A black square with the white cross of the Swiss flag (arms 6/32 wide, 20/32 long), in a thin white border. */
const swissCross = (center: number): QrShape[] => {
  const square = CROSS_SIZE - 2 * CROSS_BORDER;
  const armWidth = (square * 6) / 32;
  const armLength = (square * 20) / 32;
  const box = (width: number, height: number, color: QrShape["color"]): QrShape => ({
    x: center - width / 2,
    y: center - height / 2,
    width,
    height,
    color,
  });
  return [
    box(CROSS_SIZE, CROSS_SIZE, "#ffffff"),
    box(square, square, "#000000"),
    box(armWidth, armLength, "#ffffff"),
    box(armLength, armWidth, "#ffffff"),
  ];
};

/**
 * The Swiss QR Code as shapes: the payload as one UTF-8 byte segment, error correction M, 46 × 46 mm without the
 * quiet zone, the Swiss cross (7 × 7 mm) over its centre. Dark modules are merged into horizontal runs so viewers do
 * not show hairline gaps between neighbours. Kept apart from drawing so a test can rasterize and scan it.
 */
export const layoutSwissQrCode = (payload: string): QrShape[] => {
  const code = QRCode.create([{ mode: "byte", data: Buffer.from(payload, "utf8") }], { errorCorrectionLevel: "M" });
  if (code.version > MAX_VERSION) throw invalidField("qrBill", "holds too much text for a Swiss QR Code; shorten the message or addresses");
  const count = code.modules.size;
  const module = QR_CODE_SIZE / count;
  const shapes: QrShape[] = [];
  for (let row = 0; row < count; row++) {
    let runStart = -1;
    for (let column = 0; column <= count; column++) {
      const dark = column < count && code.modules.get(row, column) === 1;
      if (dark && runStart < 0) runStart = column;
      if (!dark && runStart >= 0) {
        shapes.push({ x: runStart * module, y: row * module, width: (column - runStart) * module, height: module, color: "#000000" });
        runStart = -1;
      }
    }
  }
  return [...shapes, ...swissCross(QR_CODE_SIZE / 2)];
};
