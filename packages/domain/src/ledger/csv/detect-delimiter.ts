/** The delimiters a CSV export from French and Swiss tools uses in practice. */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** On equal evidence, prefer the delimiters least likely to appear inside values. */
const PREFERENCE: readonly CsvDelimiter[] = ["\t", "|", ";", ","];
const MAX_LINES = 10;

/** Per line, how often each candidate occurs outside double quotes. */
const countPerLine = (sample: string): Map<CsvDelimiter, number>[] => {
  const lines: Map<CsvDelimiter, number>[] = [];
  let current = new Map<CsvDelimiter, number>();
  let inQuotes = false;
  let hasContent = false;
  for (const char of sample) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) {
      if (hasContent) lines.push(current);
      if (lines.length >= MAX_LINES) return lines;
      current = new Map();
      hasContent = false;
      continue;
    } else if (!inQuotes && (CSV_DELIMITERS as readonly string[]).includes(char)) {
      current.set(char as CsvDelimiter, (current.get(char as CsvDelimiter) ?? 0) + 1);
    }
    hasContent = true;
  }
  if (hasContent) lines.push(current);
  return lines;
};

/**
 * Picks the delimiter that occurs in the first line and the same number of times in most following lines (a
 * French amount like "1,5" puts commas in some lines only). Falls back to "," for a single-column sample.
 */
export const detectDelimiter = (sampleText: string): CsvDelimiter => {
  const lines = countPerLine(sampleText.replace(/^\uFEFF/, ""));
  const [first, ...rest] = lines;
  if (first === undefined) return ",";
  let best: { delimiter: CsvDelimiter; consistent: number; perLine: number } | undefined;
  for (const delimiter of PREFERENCE) {
    const perLine = first.get(delimiter) ?? 0;
    if (perLine === 0) continue;
    const consistent = rest.filter((line) => (line.get(delimiter) ?? 0) === perLine).length;
    if (best === undefined || consistent > best.consistent || (consistent === best.consistent && perLine > best.perLine)) {
      best = { delimiter, consistent, perLine };
    }
  }
  return best?.delimiter ?? ",";
};
