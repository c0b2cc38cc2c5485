import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { readWorkbookRecords, type CellTextOptions, type CsvRecord, type RandomAccessSource } from "@relance/domain";

/** A workbook on disk as the domain's random-access source. */
const fileAccess = async (path: string): Promise<RandomAccessSource & { close(): Promise<void> }> => {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    },
    stream: (offset, length) =>
      length === 0 ? Readable.from([]) : createReadStream(path, { start: offset, end: offset + length - 1, highWaterMark: 256 * 1024 }),
    inflateRaw: (compressed) => Readable.from(compressed).pipe(createInflateRaw()),
    close: () => handle.close(),
  };
};

/**
 * The rows of one sheet (named, else the first) of a workbook that lies at `path`, or that arrives as `chunks` (an upload): a ZIP is read
 * from its end, so an upload is first written to a private temporary file (on disk, never whole in memory) and
 * removed afterwards, whatever happens.
 */
export async function* readWorkbookFile(
  from: { path: string } | { chunks: AsyncIterable<Uint8Array> },
  text: Omit<CellTextOptions, "date1904">,
  sheet?: string | null,
): AsyncGenerator<CsvRecord[]> {
  let spoolDir: string | null = null;
  let path: string;
  if ("path" in from) path = from.path;
  else {
    spoolDir = await mkdtemp(join(tmpdir(), "relance-workbook-"));
    path = join(spoolDir, "upload.xlsx");
    await pipeline(Readable.from(from.chunks), createWriteStream(path, { mode: 0o600 }));
  }
  const access = await fileAccess(path).catch(async (error: unknown) => {
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
    throw error;
  });
  try {
    yield* readWorkbookRecords(access, text, sheet);
  } finally {
    await access.close();
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
  }
}
