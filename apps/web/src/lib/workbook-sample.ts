import { openWorkbook, type RandomAccessSource } from "@relance/domain";

/** Records the preview needs: the header, the rows shown, and enough rows to settle an "auto" date format. */
export const WORKBOOK_SAMPLE_RECORDS = 201;

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Chunks as a web stream, for the browser's decompression. */
const streamOf = (chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> => {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
};

/** A file picked in the browser, read in slices (never whole), decompressed by the browser itself. */
export const blobSource = (file: Blob): RandomAccessSource => ({
  size: file.size,
  read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  stream: (offset, length) => chunksOf(file.slice(offset, offset + length).stream()),
  inflateRaw: (compressed) =>
    chunksOf(streamOf(compressed).pipeThrough(new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)),
});

const csvField = (value: string): string => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The first rows of one sheet of a workbook (the one named, else the first) as semicolon-separated text, for the
 * same preview a CSV gets: the server never needs the workbook to show how its columns map. `complete` when the sheet
 * had no more rows; `sheets` names every sheet, in the order of their tabs, so that another one can be chosen.
 */
export const readWorkbookSampleText = async (file: Blob, sheet: string | null = null): Promise<{ text: string; complete: boolean; sheets: string[] }> => {
  const workbook = await openWorkbook(blobSource(file));
  const lines: string[] = [];
  let complete = true;
  outer: for await (const batch of workbook.records({ decimalSeparator: "auto", dateFormat: "auto" }, sheet)) {
    for (const record of batch) {
      if (record.fields.every((f) => f.trim() === "")) continue;
      if (lines.length === WORKBOOK_SAMPLE_RECORDS) {
        complete = false;
        break outer;
      }
      lines.push(record.fields.map(csvField).join(";"));
    }
  }
  return { text: lines.map((l) => `${l}\r\n`).join(""), complete, sheets: workbook.sheetNames };
};
