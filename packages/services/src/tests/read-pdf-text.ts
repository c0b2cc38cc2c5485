import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** All the text of a PDF as pdf.js reads it, spaces (no-break ones included) collapsed to one. */
export const readPdfText = async (pdf: Buffer): Promise<string> => {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise;
  let text = "";
  for (let n = 1; n <= document.numPages; n++) {
    text += `${(await (await document.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ")} `;
  }
  await document.destroy();
  return text.replace(/[\s\u00a0\u202f]+/g, " ");
};
