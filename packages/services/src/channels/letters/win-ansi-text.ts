/**
 * The PDF standard fonts (Helvetica) are encoded in WinAnsi: Latin-1 plus €, curly quotes, dashes, Œ œ Š š Ž ž Ÿ and a
 * few signs. pdfkit writes any other character as a code the font does not have, which prints as garbage, so text is
 * brought into that set first: Intl's narrow no-break space becomes a no-break space, and letters outside it lose their
 * accent ("ő" → "o") or, failing that, become "?".
 */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const SUBSTITUTES: Record<string, string> = {
  "\u202f": "\u00a0", // narrow no-break space (French number grouping in Intl)
  "\u2007": "\u00a0", // figure space
  "\u2009": " ", // thin space
  "\u200b": "", // zero-width space
  "\u00ad": "", // soft hyphen: pdfkit would print it
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-", // minus sign
  "\u2032": "'",
  "\u2033": '"',
  // Latin Extended-A letters that have no decomposition to strip an accent from
  Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŀ: "L", ŀ: "l", Ŋ: "N", ŋ: "n", Ŧ: "T", ŧ: "t",
};

const isWinAnsi = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
};

export const toWinAnsi = (text: string): string =>
  [...text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ")]
    .map((char) => {
      const substitute = SUBSTITUTES[char];
      if (substitute !== undefined) return substitute;
      if (isWinAnsi(char)) return char;
      if (/\p{Cc}/u.test(char)) return "";
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      return base !== "" && [...base].every(isWinAnsi) ? base : "?";
    })
    .join("");
