import type { Readable } from "node:stream";
import { AppError } from "@relance/domain";

/** Reads all of stdin, refusing it as soon as it passes `maxBytes` rather than holding an unbounded input in memory. */
export const readStdinLimited = async (stream: Readable, maxBytes: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new AppError("BAD_REQUEST", `stdin: larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the largest message accepted`, {
        fields: [{ path: "stdin", message: `at most ${maxBytes} bytes` }],
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
};
