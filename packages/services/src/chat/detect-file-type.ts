/**
 * What a file is, from its content (magic bytes), never from the name or type the browser claims. The name only
 * tells CSV from plain text and which Office document a valid OOXML package is.
 */
export type DetectedFile = { ok: true; contentType: string } | { ok: false; reason: string };

const startsWith = (content: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => content[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OOXML_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";

/** Valid UTF-8 with no control characters other than tab, line breaks and form feed. */
const isPlainText = (content: Buffer): boolean => {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
};

export const ALLOWED_FILE_KINDS = "PDF, PNG, JPEG, GIF, WebP, plain text or CSV, Word/Excel/PowerPoint (.docx, .xlsx, .pptx)";

export const detectFileType = (content: Buffer, fileName: string): DetectedFile => {
  if (content.length === 0) return { ok: false, reason: "the file is empty" };
  if (startsWith(content, ascii("%PDF-"))) return { ok: true, contentType: "application/pdf" };
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, contentType: "image/png" };
  if (startsWith(content, [0xff, 0xd8, 0xff])) return { ok: true, contentType: "image/jpeg" };
  if (startsWith(content, ascii("GIF87a")) || startsWith(content, ascii("GIF89a"))) return { ok: true, contentType: "image/gif" };
  if (startsWith(content, ascii("RIFF")) && startsWith(content, ascii("WEBP"), 8)) return { ok: true, contentType: "image/webp" };
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    const type = OOXML_TYPES[extensionOf(fileName)];
    // every OOXML package lists its parts in [Content_Types].xml; the zip's directory names it in clear
    if (type && content.includes("[Content_Types].xml")) return { ok: true, contentType: type };
    return { ok: false, reason: "a zip file is accepted only as a Word, Excel or PowerPoint document (.docx, .xlsx, .pptx)" };
  }
  if (isPlainText(content)) return { ok: true, contentType: extensionOf(fileName) === "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8" };
  return { ok: false, reason: `this kind of file is not accepted; send ${ALLOWED_FILE_KINDS}` };
};
