import { describe, expect, it } from "vitest";
import { createChunkDecoder, decodeByteChunks, detectEncoding } from "./decode-text.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

const collect = async (chunks: Uint8Array[], options: Parameters<typeof decodeByteChunks>[1] = {}) => {
  const parts: string[] = [];
  for await (const text of decodeByteChunks(chunks, options)) parts.push(text);
  return parts.join("");
};

describe("detectEncoding", () => {
  it("recognizes UTF-8, ASCII and legacy bytes", () => {
    expect(detectEncoding(utf8("Échéance;Montant"))).toBe("utf-8");
    expect(detectEncoding(utf8("plain ascii"))).toBe("utf-8");
    // "Échéance" in Windows-1252: É = 0xC9, é = 0xE9, both invalid as UTF-8 here
    expect(detectEncoding(bytes(0xc9, 0x63, 0x68, 0xe9, 0x61, 0x6e, 0x63, 0x65))).toBe("windows-1252");
  });

  it("does not blame a character cut by the end of the sample", () => {
    const cut = utf8("Reste dû").slice(0, -1); // "û" is 2 bytes; drop the second
    expect(detectEncoding(cut)).toBe("utf-8");
  });
});

describe("createChunkDecoder", () => {
  it("decodes Windows-1252 including the 0x80–0x9F range", () => {
    const decoder = createChunkDecoder("windows-1252");
    // 0x80 €, 0x92 ’, 0x9C œ, 0xE9 é, 0xA4 ¤
    expect(decoder.decode(bytes(0x80, 0x92, 0x9c, 0xe9, 0xa4))).toBe("€’œé¤");
  });

  it("decodes ISO 8859-15, where 0xA4 is the euro sign", () => {
    expect(createChunkDecoder("iso-8859-15").decode(bytes(0xa4, 0xbd, 0xe9))).toBe("€œé");
  });

  it("keeps a UTF-8 character split across chunks", () => {
    const decoder = createChunkDecoder("utf-8", { fatal: true });
    const euro = utf8("€"); // 3 bytes
    expect(decoder.decode(euro.slice(0, 1)) + decoder.decode(euro.slice(1)) + decoder.end()).toBe("€");
  });

  it("reports invalid UTF-8 with the approximate byte offset when fatal", () => {
    const decoder = createChunkDecoder("utf-8", { fatal: true });
    decoder.decode(utf8("abcd"));
    expect(() => decoder.decode(bytes(0x41, 0xe9, 0x41))).toThrow("The file is not valid utf-8 text (near byte 4)");
  });

  it("substitutes U+FFFD when not fatal", () => {
    expect(createChunkDecoder("utf-8").decode(bytes(0x41, 0xe9, 0x41))).toBe("A\uFFFDA");
  });
});

describe("decodeByteChunks", () => {
  it("sniffs the encoding from the first bytes, then streams", async () => {
    const legacy = [bytes(0x4d, 0x3b), bytes(0x80, 0x3b, 0xe9), bytes(0x3b, 0x9c)];
    expect(await collect(legacy, { sniffBytes: 4 })).toBe("M;€;é;œ");
    const modern = utf8("Date d'échéance;Reste dû");
    expect(await collect([modern.slice(0, 10), modern.slice(10, 11), modern.slice(11)], { sniffBytes: 4 })).toBe("Date d'échéance;Reste dû");
  });

  it("cannot see legacy bytes beyond the sniff window (documented limit)", async () => {
    const late = [utf8("plain ascii header\n"), bytes(0xe9, 0x41)];
    expect(await collect(late, { sniffBytes: 4 })).toBe("plain ascii header\n\uFFFDA");
    await expect(collect(late, { sniffBytes: 4, fatal: true })).rejects.toThrow("not valid utf-8 text (near byte 19)");
  });

  it("decides at the end for files shorter than the sniff window", async () => {
    expect(await collect([bytes(0xe9, 0x74, 0xe9)])).toBe("été");
    expect(await collect([])).toBe("");
  });

  it("uses a given encoding without sniffing", async () => {
    expect(await collect([bytes(0xa4)], { encoding: "iso-8859-15" })).toBe("€");
  });
});
