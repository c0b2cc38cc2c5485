import { describe, expect, it } from "vitest";
import { toWinAnsi } from "./win-ansi-text.ts";

describe("toWinAnsi", () => {
  it("keeps French and German letters, the euro sign, typographic quotes and dashes", () => {
    const text = "Échéance dépassée – « reçu » l’été: 1 250,00 € · Größe Œuvre";
    expect(toWinAnsi(text)).toBe(text);
  });

  it("replaces Intl's narrow no-break space and other spaces the font lacks", () => {
    expect(toWinAnsi(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(1234.5))).toBe("1\u00a0234,50\u00a0€");
    expect(toWinAnsi("a\u2009b\u200bc\u00add")).toBe("a bcd");
  });

  it("drops the accent of letters outside WinAnsi and marks what cannot be approximated", () => {
    expect(toWinAnsi("Łódź Ștefănescu Ő")).toBe("Lódz Stefanescu O");
    expect(toWinAnsi("Иван 🙂")).toBe("???? ?");
  });

  it("keeps line breaks, removes other control characters", () => {
    expect(toWinAnsi("a\r\nb\tc\u0007")).toBe("a\nb c");
  });
});
