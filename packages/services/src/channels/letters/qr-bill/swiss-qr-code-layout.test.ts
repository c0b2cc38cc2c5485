import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { buildSwissQrBill } from "../letter-fixtures.ts";
import { buildQrBillPayload } from "./build-qr-bill-payload.ts";
import { layoutSwissQrCode, QR_CODE_SIZE, type QrShape } from "./swiss-qr-code-layout.ts";

/** Paints the shapes into an RGBA bitmap with a white quiet zone, as a scanner would see the printed code. */
const rasterize = (shapes: readonly QrShape[], pixelsPerPoint: number, quietZone: number) => {
  const side = Math.ceil(QR_CODE_SIZE * pixelsPerPoint) + 2 * quietZone;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const shape of shapes) {
    const value = shape.color === "#000000" ? 0 : 255;
    const [x0, y0] = [Math.round(shape.x * pixelsPerPoint) + quietZone, Math.round(shape.y * pixelsPerPoint) + quietZone];
    const [x1, y1] = [Math.round((shape.x + shape.width) * pixelsPerPoint) + quietZone, Math.round((shape.y + shape.height) * pixelsPerPoint) + quietZone];
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.fill(value, (y * side + x) * 4, (y * side + x) * 4 + 3);
  }
  return { data, side };
};

const scan = (payload: string): string | undefined => {
  const { data, side } = rasterize(layoutSwissQrCode(payload), 3, 40);
  return jsQR(data, side, side)?.data;
};

describe("layoutSwissQrCode", () => {
  it("scans back to the payload despite the Swiss cross over its centre", () => {
    const payload = buildQrBillPayload(buildSwissQrBill()).text;
    expect(scan(payload)).toBe(payload);
  });

  it("encodes accented names and the euro sign as UTF-8", () => {
    const debtor = { name: "Zoë Müller-Ștefănescu", street: "Chemin des Pâquerettes", buildingNumber: "3", postalCode: "1004", town: "Lausanne", country: "CH" };
    const payload = buildQrBillPayload(buildSwissQrBill({ debtor, unstructuredMessage: "Facture 2026-017 – solde 12,50 €" })).text;
    expect(scan(payload)).toBe(payload);
  });

  it("keeps to 46 mm whatever the amount of data, and refuses more than version 25 holds", () => {
    const shapes = layoutSwissQrCode("x".repeat(900));
    expect(Math.max(...shapes.map((shape) => shape.x + shape.width))).toBeCloseTo(QR_CODE_SIZE, 6);
    expect(() => layoutSwissQrCode("x".repeat(1_400))).toThrow(/^qrBill: /);
  });
});
