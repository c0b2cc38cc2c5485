import { workbookError } from "./workbook-error.ts";

/**
 * The central directory of a ZIP file (an .xlsx is one), read from the end of the file so that only the parts we
 * need are ever read and inflated. No ZIP64 (a workbook over 4 GiB is not an open-items file) and no encryption.
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
/** The end record plus the longest comment a ZIP may carry: where to look for the end record. */
export const ZIP_TAIL_BYTES = EOCD_SIZE + 0xffff;
/** A local header's fixed part; its name and extra field follow. */
export const LOCAL_HEADER_BYTES = 30;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Whether bytes start like a ZIP file ("PK\3\4"), as every .xlsx does. */
export const isZipStart = (bytes: Uint8Array): boolean => bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_SIGNATURE;

/** Where the central directory lies, from the file's last bytes (`tail` ends where the file ends). */
export const locateCentralDirectory = (tail: Uint8Array, fileSize: number): { offset: number; size: number; count: number } => {
  const v = view(tail);
  for (let i = tail.length - EOCD_SIZE; i >= 0; i -= 1) {
    if (v.getUint32(i, true) !== EOCD_SIGNATURE) continue;
    const count = v.getUint16(i + 10, true);
    const size = v.getUint32(i + 12, true);
    const offset = v.getUint32(i + 16, true);
    if (offset === 0xffffffff || count === 0xffff) throw workbookError("ZIP64 archives are not supported");
    if (offset + size > fileSize) throw workbookError("the ZIP directory points past the end of the file");
    return { offset, size, count };
  }
  throw workbookError("not a ZIP archive (no end-of-directory record); save the file as .xlsx");
};

/** The entries of a central directory read whole into `bytes`. */
export const parseCentralDirectory = (bytes: Uint8Array, count: number): ZipEntry[] => {
  const v = view(bytes);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== CENTRAL_SIGNATURE) throw workbookError(`ZIP directory entry ${n + 1} is damaged`);
    const flags = v.getUint16(at + 8, true);
    if (flags & 1) throw workbookError("the workbook is encrypted; save it without a password");
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    entries.push({
      method: v.getUint16(at + 10, true),
      compressedSize: v.getUint32(at + 20, true),
      uncompressedSize: v.getUint32(at + 24, true),
      localHeaderOffset: v.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

/** Where an entry's data starts, given its local header's fixed part. */
export const entryDataOffset = (entry: ZipEntry, localHeader: Uint8Array): number => {
  const v = view(localHeader);
  if (localHeader.length < LOCAL_HEADER_BYTES || v.getUint32(0, true) !== LOCAL_SIGNATURE) throw workbookError(`the part ${entry.name} is damaged`, entry.name);
  return entry.localHeaderOffset + LOCAL_HEADER_BYTES + v.getUint16(26, true) + v.getUint16(28, true);
};

export const requireSupportedMethod = (entry: ZipEntry): void => {
  if (entry.method !== 0 && entry.method !== 8) throw workbookError(`the part ${entry.name} uses an unsupported compression (${entry.method})`, entry.name);
};
