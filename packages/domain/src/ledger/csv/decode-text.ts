import { invalidValue } from "../ledger-errors.ts";

/**
 * Bytes → text for imported files. French accounting exports (FEC) are often ISO 8859-15 or Windows-1252, newer
 * tools write UTF-8. Decoding is chunked (`stream: true`), so a character split across two chunks survives.
 */
export type TextEncodingName = "utf-8" | "windows-1252" | "iso-8859-15";

/** Valid UTF-8 (pure ASCII included) → "utf-8"; anything else → "windows-1252", the usual legacy Windows export. */
export const detectEncoding = (firstBytes: Uint8Array): "utf-8" | "windows-1252" => {
  try {
    // stream: a multi-byte character cut by the end of the sample is not an error
    new TextDecoder("utf-8", { fatal: true }).decode(firstBytes, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
};

// WHATWG windows-1252 for 0x80–0x9F. Node 20's TextDecoder("windows-1252") decodes these bytes as C1 controls
// (ISO 8859-1), so "€" (0x80) and curly quotes would be lost; remapping makes it correct on every runtime.
const WINDOWS_1252_C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  /** Flushes a character left incomplete by the last chunk (an error when fatal, U+FFFD otherwise). */
  end(): string;
}

const notDecodable = (encoding: string, offset: number) =>
  invalidValue(`The file is not valid ${encoding} text (near byte ${offset}); choose another encoding`, "ledger.invalidEncoding");

export const createChunkDecoder = (encoding: TextEncodingName, options: { fatal?: boolean } = {}): ChunkDecoder => {
  if (encoding === "windows-1252") {
    const latin = new TextDecoder("windows-1252");
    const remap = (text: string) => text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
    return { decode: (bytes) => remap(latin.decode(bytes)), end: () => "" };
  }
  const decoder = new TextDecoder(encoding, { fatal: options.fatal ?? false });
  let offset = 0;
  const guarded = (run: () => string): string => {
    try {
      return run();
    } catch (error) {
      if (error instanceof TypeError) throw notDecodable(encoding, offset);
      throw error;
    }
  };
  return {
    decode: (bytes) => {
      const text = guarded(() => decoder.decode(bytes, { stream: true }));
      offset += bytes.length;
      return text;
    },
    end: () => guarded(() => decoder.decode()),
  };
};

export interface DecodeOptions {
  readonly encoding?: TextEncodingName | "auto";
  readonly fatal?: boolean;
  /** With "auto", how many leading bytes to hold back and inspect before choosing. */
  readonly sniffBytes?: number;
}

const concatBytes = (parts: Uint8Array[]): Uint8Array => {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
};

/** Decodes a stream of byte chunks (a web ReadableStream is async-iterable) into text chunks. */
export async function* decodeByteChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: DecodeOptions = {},
): AsyncGenerator<string> {
  const sniffBytes = options.sniffBytes ?? 64 * 1024;
  let decoder = options.encoding === undefined || options.encoding === "auto" ? undefined : createChunkDecoder(options.encoding, options);
  const held: Uint8Array[] = [];
  let heldLength = 0;
  for await (const chunk of chunks) {
    if (decoder === undefined) {
      held.push(chunk);
      heldLength += chunk.length;
      if (heldLength < sniffBytes) continue;
      const sample = concatBytes(held.splice(0));
      decoder = createChunkDecoder(detectEncoding(sample), options);
      yield decoder.decode(sample);
      continue;
    }
    const text = decoder.decode(chunk);
    if (text !== "") yield text;
  }
  if (decoder === undefined) {
    const sample = concatBytes(held);
    decoder = createChunkDecoder(detectEncoding(sample), options);
    yield decoder.decode(sample);
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}
