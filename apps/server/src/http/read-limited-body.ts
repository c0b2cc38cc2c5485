import type { IncomingMessage } from "node:http";

/** A request body larger than the route accepts. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes`);
  }
}

/** Reads a body into memory, refusing it as soon as it passes `maxBytes` (the declared length is checked first). */
export const readLimitedBody = async (req: IncomingMessage, maxBytes: number): Promise<Buffer> => {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
};
