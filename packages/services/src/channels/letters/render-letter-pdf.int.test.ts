import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { buildFrenchB2bLetter, buildSwissLetter, buildSwissQrBill } from "./letter-fixtures.ts";
import type { LetterInvoice } from "./letter-model.ts";
import { renderLetterPdf } from "./render-letter-pdf.ts";

// pdf.js reads the metrics of the 14 standard fonts from files it ships; without them it warns on every page.
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** Text of each page as pdf.js reads it, spaces (no-break ones included) collapsed to one. */
const readPdfPages = async (pdf: Buffer): Promise<string[]> => {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push(text.replace(/[\s\u00a0\u202f]+/g, " "));
  }
  await document.destroy();
  return pages;
};

describe("renderLetterPdf", () => {
  it("renders a French B2B reminder that reads back with accents, invoices, amounts and the penalty lines", async () => {
    const pdf = await renderLetterPdf(buildFrenchB2bLetter());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await readPdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;

    expect(text).toContain("Acme Équipements SAS");
    expect(text).toContain("SIREN 552 100 554");
    expect(text).toContain("Société Générale de Négoce SARL");
    expect(text).toContain("Paris, le 2 mars 2026");
    expect(text).toContain("Objet : Relance – factures échues");
    expect(text).toContain("F-2026-001");
    expect(text).toContain("F-2026-004");
    expect(text).toContain("04/02/2026");
    expect(text).toContain("1 250,00 €");
    expect(text).toContain("849,60 €");
    expect(text).toContain("349,60 €");
    expect(text).toContain("Total restant dû 1 599,60 €");
    expect(text).toContain("Pénalités de retard (taux BCE + 10 points, soit 12,15 % l'an) 14,25 €");
    expect(text).toContain("Indemnité forfaitaire pour frais de recouvrement (40 € × 2 factures) 80,00 €");
    expect(text).toContain("Total à régler 1 693,85 €");
    expect(text).toContain("art. L441-10 du Code de commerce");
    expect(text).not.toContain("Section paiement");
  });

  it("computes days late from the letter's date unless given", async () => {
    const text = (await readPdfPages(await renderLetterPdf(buildFrenchB2bLetter())))[0]!;
    // Due 4 Feb, letter 2 Mar: 26 days; due 11 Feb: 19 days.
    expect(text).toMatch(/04\/02\/2026 1 250,00 € 1 250,00 € 26\b/);
    expect(text).toMatch(/349,60 € 19\b/);
  });

  it("adds a German QR-bill payment part with the account, reference, amount and debtor", async () => {
    const pages = await readPdfPages(await renderLetterPdf(buildSwissLetter()));
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain("UID CHE-109.322.551");
    expect(text).toContain("Biel, 2. März 2026");
    expect(text).toContain("2026-017 10.01.2026 09.02.2026 CHF 1'499.75 CHF 1'499.75 21");
    expect(text).toContain("Total offen CHF 1'949.75");
    expect(text).toContain("Empfangsschein");
    expect(text).toContain("Zahlteil");
    expect(text).toContain("Konto / Zahlbar an");
    expect(text).toContain("CH44 3199 9123 0008 8901 2");
    expect(text).toContain("21 00000 00003 13947 14300 09017");
    expect(text).toContain("Zusätzliche Informationen Rechnungen 2026-017, 2026-021");
    expect(text).toContain("Zahlbar durch Pia-Maria Rutschmann-Schnyder Grosse Marktgasse 28 9400 Rorschach");
    expect(text).toContain("1 949.75");
    expect(text).toContain("Annahmestelle");
    expect(text).toContain("Vor der Einzahlung abzutrennen");
  });

  it("labels the payment part in French, with blank fields when amount and debtor are unknown", async () => {
    const letter = buildSwissLetter({ locale: "fr", subject: "Rappel", qrBill: buildSwissQrBill({ amountMinor: null, debtor: null }) });
    const text = (await readPdfPages(await renderLetterPdf(letter)))[0]!;
    expect(text).toContain("Objet : Rappel");
    expect(text).toContain("Récépissé");
    expect(text).toContain("Section paiement");
    expect(text).toContain("Payable par (nom/adresse)");
    expect(text).toContain("Point de dépôt");
    // Both amounts are left to the payer: nothing between the headings and the next section.
    expect(text).toContain("Monnaie Montant CHF Point de dépôt");
    expect(text).toContain("Monnaie Montant CHF Compte / Payable à");
  });

  it("runs a long table over several pages, numbering them, with the QR-bill on the last page only", async () => {
    const invoices: LetterInvoice[] = Array.from({ length: 45 }, (_, index) => ({
      number: `2026-${String(index + 100)}`,
      issueDate: "2026-01-10",
      dueDate: "2026-02-09",
      amount: { amountMinor: 10_000, currency: "CHF" },
      open: { amountMinor: 10_000, currency: "CHF" },
    }));
    const pages = await readPdfPages(await renderLetterPdf(buildSwissLetter({ locale: "en", invoices })));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain("Page 1/");
    expect(pages.at(-1)).toContain("Payment part");
    expect(pages.slice(0, -1).join(" ")).not.toContain("Payment part");
    const all = pages.join(" ");
    for (const invoice of invoices) expect(all).toContain(invoice.number);
    expect(pages.filter((page) => page.includes("Invoice Issued Due Amount Outstanding Days late")).length).toBeGreaterThan(1);
  });

  it("refuses an invalid QR-bill or a mixed currency before drawing anything", async () => {
    await expect(renderLetterPdf(buildSwissLetter({ qrBill: buildSwissQrBill({ reference: "RF18539007547034" }) }))).rejects.toThrow(/^reference: /);
    const euroInvoice = { ...buildFrenchB2bLetter().invoices[0]! };
    await expect(renderLetterPdf(buildSwissLetter({ invoices: [euroInvoice] }))).rejects.toThrow(/CHF and EUR/);
  });
});
