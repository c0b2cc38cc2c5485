import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { AppError } from "@relance/domain";

/** A file to import, read as a stream of bytes (never whole), possibly more than once (preview, then import). */
export interface FileSource {
  name: string;
  size: number | null;
  open(): AsyncIterable<Uint8Array>;
  /** Where the file lies on disk, when it does: a workbook is then read in place instead of being copied first. */
  path?: string;
}

export const fileSourceFromPath = async (path: string, name = basename(path)): Promise<FileSource> => {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new AppError("BAD_REQUEST", `Cannot read the file ${path}`, { fields: [{ path: "file", message: "not a readable file" }] });
  return { name, size: info.size, path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
};

export const fileSourceFromBytes = (name: string, bytes: Uint8Array): FileSource => ({
  name,
  size: bytes.length,
  open: async function* () {
    yield bytes;
  },
});

export const fileSourceFromText = (name: string, text: string): FileSource => fileSourceFromBytes(name, new TextEncoder().encode(text));

/** A request body or any byte stream that can be read once: an import straight from an upload. */
export const fileSourceFromStream = (name: string, size: number | null, stream: AsyncIterable<Uint8Array>): FileSource => {
  let opened = false;
  return {
    name,
    size,
    open: () => {
      if (opened) throw new Error("This file stream was already read");
      opened = true;
      return stream;
    },
  };
};

/** Counts the bytes going through, for the progress bar. */
export async function* countBytes(chunks: AsyncIterable<Uint8Array>, onBytes: (total: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    onBytes(total);
    yield chunk;
  }
}
