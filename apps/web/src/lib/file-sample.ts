import { isZipStart } from "@relance/domain";
import { readWorkbookSampleText } from "./workbook-sample.ts";

/** The server previews at most this much of a file; the rest is never read by the browser. */
export const PREVIEW_SAMPLE_BYTES = 256 * 1024;

export interface FileSample {
  base64: string;
  /** The sample is the whole file (else its last, possibly cut, line is left out of the preview). */
  complete: boolean;
  /** A workbook's sheets in the order of their tabs (the sample is of the one chosen, else the first); null for text. */
  sheets: string[] | null;
}

const toBase64 = (bytes: Uint8Array): string => {
  // in slices: String.fromCharCode takes its bytes as arguments, and arguments are limited
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * The start of a file, base64-encoded for the preview procedure. A workbook (.xlsx) is read here, in the browser,
 * and the first rows of its sheet `sheet` (else its first) sent as text: its start alone could not be read, a ZIP
 * being read from its end.
 */
export const readFileSample = async (file: Blob, sheet: string | null = null): Promise<FileSample> => {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_SAMPLE_BYTES).arrayBuffer());
  if (isZipStart(bytes)) {
    const sample = await readWorkbookSampleText(file, sheet);
    return { base64: toBase64(new TextEncoder().encode(sample.text)), complete: sample.complete, sheets: sample.sheets };
  }
  return { base64: toBase64(bytes), complete: file.size <= PREVIEW_SAMPLE_BYTES, sheets: null };
};
